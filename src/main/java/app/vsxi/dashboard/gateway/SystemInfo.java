package app.vsxi.dashboard.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plain-text answer of {@code system/realtime}: {@code Label: value} lines, the fourth being the hardware
 * uptime.
 */
public record SystemInfo(String hardwareUptime, Map<String, String> lines) {

	static SystemInfo parse(String text) {
		Map<String, String> lines = new LinkedHashMap<>();
		String uptime = "";
		String[] all = text.split("\\r?\\n");
		for (int i = 0; i < all.length; i++) {
			int colon = all[i].indexOf(':');
			if (colon < 0) {
				continue;
			}
			String label = all[i].substring(0, colon).trim();
			String value = all[i].substring(colon + 1).trim();
			lines.put(label, value);
			if (label.equalsIgnoreCase("HW Up Time") || (i == 3 && uptime.isEmpty())) {
				uptime = value;
			}
		}
		return new SystemInfo(uptime, lines);
	}

}
