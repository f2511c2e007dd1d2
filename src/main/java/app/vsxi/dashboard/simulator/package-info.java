/**
 * The embedded VSXi simulator: HTTPS servers that speak the VSXi REST API (as {@code docs/vsxi-api.md} describes
 * it) for the demo fleet, the tests, and NOC teams who want to try scripts without touching production. It is a
 * witness, not a teacher: where the sources settle a behaviour it does exactly that; where they leave two answers
 * open it offers both behind a switch ({@link app.vsxi.dashboard.simulator.Quirks}), so the dashboard can be shown
 * to survive both.
 *
 * <p><b>Sourced</b> (vendor guide, its reader comments, public clients that run against real boxes):
 * <ul>
 * <li>URL template, Basic auth on every request, the 66 commands with their methods and formats
 * ({@link app.vsxi.dashboard.simulator.CommandTable}), the message texts and codes of
 * {@link app.vsxi.dashboard.simulator.VsxiConventions}, {@code 400 fail - failed} followed by {@code null}.</li>
 * <li>Read/write privilege for every API call, reads included: a read-only user gets the "no read/write
 * permissions" 401 on every command.</li>
 * <li>Plain input validated whole (one bad entry changes nothing); zipped input drops bad entries and answers 300;
 * a Load-Balance slave refuses every write with 402 and still serves downloads.</li>
 * <li>Stats: database dumps (older {@code table} and newer {@code table_data}/{@code table_structure}
 * generations, the newer one's stray {@code table} naming XBResourceRealTimeStatList, {@code xmlns:xsi} on the
 * root) and {@code XB…List} object lists; JSON dumps turn numeric text into numbers and a list of one into an
 * object; system_stat fields; realtime per-trunk rows per node plus {@code Group} rows, joinable to
 * stats/resource by {@code trunkId == trunk_id}; registrations with {@code states} in all four values;
 * system/realtime as text with {@code HW Up Time:} on the fourth line, in year/month/day words.</li>
 * <li>Killing calls with the box's own CSV lines sent back as they are (no Content-Type, no format) or XML naming
 * {@code ssm_index} or {@code callID}; deleting registrations always answers 200.</li>
 * </ul>
 *
 * <p><b>Inferred</b> (kept in {@code VsxiConventions}, {@code CommandTable} and {@code TableCatalog}, easy to
 * correct):
 * <ul>
 * <li>Wrappers and fields of route, routegroup, routetable, resourceblock, digit_mapping_index, subscriber, users,
 * media_server_profile and media_server (config): {@code XB<Thing>List}/{@code XB<Thing>}, lowerCamel fields named
 * after the query columns. Keys: resource trunkId; digit_mapping and route alias + tableId; subscriber username +
 * userDomain; users username; the index tables their id.</li>
 * <li>Inputs: the format is sniffed from the body ({@code <} XML, <code>{</code> JSON, else CSV); every field of an
 * entry is required and no unknown field is allowed; numbers must be numbers. A plain file of more than 5000
 * entries is refused with {@code 400 fail - failed}. Downloads are never paged.</li>
 * <li>CSV has a header row of the element names, RFC 4180 quoting. Zips: one file named {@code <table>.<format>}
 * in downloads; uploads may hold up to 1000 files, 256 MB in all. The SDC files of system/hardwareConfiguration
 * are commented text.</li>
 * <li>{@code replaceLarge/routesInRouteTable} and {@code digitMappingsInDigMapTable} take the table as
 * {@code ?tableID=}; without it they replace the tables their entries name.</li>
 * <li>queryString: {@code =}, {@code !=}, {@code like} with {@code %} and {@code _}, {@code and} before {@code or},
 * quotes doubled to escape, names and values compared without case; a bad one answers
 * {@code 400 fail - invalid query string: <reason>}.</li>
 * <li>HTTP status = the code the message starts with; body = the message as text/plain. A known command with
 * another method answers 405; an unknown action 404; 401s carry {@code WWW-Authenticate: Basic realm="SSConfig"}.
 * </li>
 * <li>Active calls carry a {@code caller_name} after the fields clients copy (with commas, quotes and non-ASCII
 * letters); a killed call is named by ssm_index and/or callID, an entry naming neither kills nothing, JSON is
 * refused. Registrations are deleted by any of username, trunkID/trunkId, id, userDomain, userIp (AND-ed; entries
 * OR-ed).</li>
 * <li>A Load-Balance slave reports {@code slave_stat} 65 (a master 64, as sampled), {@code ha_current_state}
 * standby; it also refuses killing calls and deleting registrations with 402.</li>
 * <li>Call and registration times use {@code MM-dd-yyyy HH:mm:ss}; duration is in seconds; a month of uptime is 30
 * days. resource_detail and sip_stats are database dumps of invented tables; a NULL field is written
 * {@code xsi:nil="true"} in XML and <code>{"name":…,"xsi:nil":true}</code> in JSON.</li>
 * <li>cac_index, serviceport, serviceport_certificates and virtualip have no command row and answer as unknown
 * tables; the resource query column {@code DNC_group_index} has no field and compares as empty.</li>
 * <li>The read-only user {@code monitor}/{@code monitor} is seeded; the user access log is served at
 * {@code GET /simulator/user-access-log}.</li>
 * </ul>
 *
 * <p><b>Switches</b> ({@link app.vsxi.dashboard.simulator.Quirks}, on {@code SimulatedVsxi} and through
 * {@code POST /simulator/faults}): overlapping requests with the same credentials answered 400; table-less and
 * "Max recursion depth reached" dumps; the JAXB 500 for JSON above N entries; codes only in the body under HTTP
 * 200; an untrusted host (the container's 401 page); a box without REST (404); numbers as text in JSON dumps; nil
 * fields; one entry as an object per family (dumps and stats lists on, configuration tables off); the methods the
 * Large actions take; Large downloads in chunks of N entries; 415 for request types no source shows working.
 * Beside them the transport faults of {@link app.vsxi.dashboard.simulator.Faults}, slave mode and
 * {@code downSeconds}.
 */
package app.vsxi.dashboard.simulator;
