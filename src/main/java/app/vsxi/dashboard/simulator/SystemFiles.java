package app.vsxi.dashboard.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The SDC files of {@code downloadLarge/systemConfiguration} and {@code hardwareConfiguration}. Their real format
 * is not published; inferred: a commented text file, the configuration tables as the XML a download gives.
 */
final class SystemFiles {

	private static final List<String> BACKED_UP = List.of("routegroup", "routetable", "resource", "resourceblock",
			"digit_mapping_index", "digit_mapping", "subscriber", "media_server_profile", "media_server");

	private SystemFiles() {
	}

	static String systemConfiguration(VsxiState state) {
		StringBuilder sdc = new StringBuilder();
		sdc.append("# VSXi system configuration (simulated)\n# software ").append(VsxiConventions.SOFTWARE_VERSION)
			.append("\n# saved ").append(Instant.now()).append('\n');
		for (String name : BACKED_UP) {
			TableSpec spec = TableCatalog.configTable(name);
			sdc.append("\n[").append(name).append("]\n");
			sdc.append(new String(EntryWriter.bytes(spec, Document.Format.XML, state.entries(name)),
					StandardCharsets.UTF_8)).append('\n');
		}
		VsxiTable routes = state.table("route");
		synchronized (routes) {
			sdc.append("\n[route]\n# ").append(routes.size()).append(" routes, see downloadLarge/route\n");
		}
		return sdc.toString();
	}

	static String hardwareConfiguration(VsxiState state) {
		String host = state.stats().systemRealtimeText(0).lines().findFirst().orElse("");
		return String.join("\n", "# VSXi hardware information (simulated)", host, "Platform: VSXi virtual",
				"CPU: 8 x Intel Xeon Gold 6338N @ 2.20GHz", "Memory: 32768 MB", "Disk: 240 GB",
				"NIC eth0: 1000baseT/Full", "NIC eth1: 1000baseT/Full",
				"Software Version: " + VsxiConventions.SOFTWARE_VERSION) + "\n";
	}

}
