/**
 * The embedded VSXi simulator: HTTPS servers that speak the VSXi REST API (reference {@code ../shared/vsxi-api/})
 * for the demo fleet, the tests, and NOC teams who want to try scripts without touching production.
 *
 * <p>Where the reference is exact, the simulator follows it. Where it marks a detail unknown, the choice made here
 * is kept in one place so it is easy to correct: message texts, paths and conventions in
 * {@link app.vsxi.dashboard.simulator.VsxiConventions}; the 66 commands in
 * {@link app.vsxi.dashboard.simulator.CommandTable}; table shapes in
 * {@link app.vsxi.dashboard.simulator.TableCatalog}. The inferred choices, in short:
 * <ul>
 * <li>Wrappers and fields of route, routegroup, routetable, resourceblock, digit_mapping_index, subscriber, users,
 * media_server_profile and media_server (config): {@code XB<Thing>List}/{@code XB<Thing>}, lowerCamel fields named
 * after the query columns. Keys: resource trunkId; digit_mapping and route alias + tableId; subscriber username +
 * userDomain; users username; the index tables their id.</li>
 * <li>Inputs: the format is sniffed from the body ({@code <} XML, <code>{</code> JSON, else CSV); every field of an
 * entry is required and no unknown field is allowed; numbers must be numbers. A plain file of more than 5000
 * entries is refused with {@code 400 fail - failed}. Downloads are never paged.</li>
 * <li>JSON mirrors the XML tree; a list of one entry is an object. CSV has a header row of the element names.</li>
 * <li>Zips: one file named {@code <table>.<format>} in downloads; uploads may hold up to 16 files, 256 MB in all.
 * The SDC files of system/hardwareConfiguration are commented text.</li>
 * <li>{@code replaceLarge/routesInRouteTable} and {@code digitMappingsInDigMapTable} take the table as
 * {@code ?tableID=}; without it they replace the tables their entries name. An entry of another table is
 * invalid.</li>
 * <li>queryString: {@code =}, {@code !=}, {@code like} with {@code %} and {@code _}, {@code and} before {@code or},
 * quotes doubled to escape, column names and values compared without case. A bad one answers
 * {@code 400 fail - invalid query string: <reason>}. Subscriber and active_calls columns are their field
 * names (subscriber in snake_case).</li>
 * <li>HTTP status = the code the message starts with; body = the message as text/plain. A known command with
 * another method answers 405 (POST is taken for every Large action); an unknown action 404.</li>
 * <li>A killed call is named by ssm_index and/or callID; an entry naming neither kills nothing. JSON bodies are
 * refused there. Registrations are deleted by any of username, trunkID/trunkId, id, userDomain, userIp (AND-ed;
 * entries OR-ed); every such request answers 200.</li>
 * <li>Read-only users (role {@code readOnly} in the users table; {@code monitor}/{@code monitor} is seeded) get
 * the "no read/write permissions" 401 on every write. A Load-Balance slave refuses every write with 402,
 * including killing calls and deleting registrations.</li>
 * <li>Call and registration times use {@code MM-dd-yyyy HH:mm:ss}; duration is in seconds. resource_detail and
 * sip_stats are database dumps of invented tables.</li>
 * <li>The user access log, only visible in a real box's GUI, is served at {@code GET /simulator/user-access-log}.
 * </li>
 * <li>cac_index, serviceport, serviceport_certificates and virtualip are supported tables without a command row;
 * the simulator serves no command for them (they answer as unknown tables).</li>
 * <li>Resource query column {@code DNC_group_index} has no field in current firmware and compares as empty.</li>
 * </ul>
 * Simulator-only endpoints on each box's port (same basic auth): {@code /simulator/requests},
 * {@code /simulator/faults}, {@code /simulator/release}, {@code /simulator/user-access-log}.
 */
package app.vsxi.dashboard.simulator;
