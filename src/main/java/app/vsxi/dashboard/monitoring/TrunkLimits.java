package app.vsxi.dashboard.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;

/**
 * The limits in {@code download/resource} as a table a person reads: one row per trunk and limit, the session and
 * CPS limits first, limits inside nested entries (a trunk's {@code typeSIPgw}, each of its {@code node}s) named by
 * their place, {@code typeSIPgw.authorizedRPS} or {@code node[2].capacity}, instead of printed whole. A trunk's other
 * settings (a hundred or so) are left to its table, {@code resource}, on the Tables tab.
 */
final class TrunkLimits {

	static final List<String> COLUMNS = List.of("Trunk", "Name", "Field", "Value or limit");

	/** Shown first for every trunk: what the trunk may carry. */
	private static final List<String> LIMITS = List.of("capacity", "cpsLimit");

	/** A field is a limit when its own name (the last part of its place) says so. */
	private static final Pattern LIMIT = Pattern.compile("(?i).*(capacity|limit|rps|max|min|timeout).*");

	/** Said once per trunk in its own columns, not again as fields. */
	private static final List<String> NAMING = List.of("trunkId", "name");

	private TrunkLimits() {
	}

	static MonitorPanels.PanelTable of(TableDocument document) {
		List<List<String>> rows = new ArrayList<>();
		for (TableRow trunk : document.rows()) {
			String id = text(trunk.get("trunkId"));
			String name = text(trunk.get("name"));
			for (String limit : LIMITS) {
				if (trunk.has(limit)) {
					add(rows, id, name, limit, trunk.get(limit));
				}
			}
			trunk.fields().forEach((field, value) -> {
				if (!LIMITS.contains(field) && !NAMING.contains(field)) {
					add(rows, id, name, field, value);
				}
			});
		}
		return new MonitorPanels.PanelTable("Limits per trunk (" + document.item() + ")", COLUMNS, rows, rows.size());
	}

	private static void add(List<List<String>> rows, String id, String name, String path, Object value) {
		add(rows, id, name, path, path, value);
	}

	private static void add(List<List<String>> rows, String id, String name, String path, String own, Object value) {
		if (value instanceof TableRow nested) {
			nested.fields().forEach((field, inner) -> add(rows, id, name, path + "." + field, field, inner));
		}
		else if (value instanceof Map<?, ?> nested) {
			nested.forEach((field, inner) -> add(rows, id, name, path + "." + field, String.valueOf(field), inner));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				add(rows, id, name, path + "[" + (i + 1) + "]", own, list.get(i));
			}
		}
		else if (LIMIT.matcher(own).matches()) {
			rows.add(List.of(id, name, path, text(value)));
		}
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

}
