package app.vsxi.dashboard.tables;

import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.Rows;

/**
 * Run in its own small-heap JVM by {@link SmallHeapExportTests}: exports a draft of {@code args[0]} routes (a
 * stored base with a few edits) as CSV, XML and JSON into nothing, counting rows and bytes. Prints them; a draft
 * held whole on the way would end the JVM with OutOfMemoryError instead.
 */
public final class SmallHeapExportProbe {

	private SmallHeapExportProbe() {
	}

	public static void main(String[] args) {
		int routes = Integer.parseInt(args[0]);
		RowCodec.Packer packer = new RowCodec.Packer();
		for (int i = 0; i < routes; i++) {
			packer.add(route(i));
		}
		RowCodec.Packed base = packer.finish();
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(RowKey.of(route(0), Rows.ROUTE_KEY), null);
		edits.put(RowKey.of(route(1), Rows.ROUTE_KEY), route(1).with("policy", "edited"));
		edits.put(RowKey.of(route(routes), Rows.ROUTE_KEY), route(routes));
		DraftRepository stored = new DraftRepository(null, null, null) {
			@Override
			Optional<RowCodec.Packed> base(long id) {
				return Optional.of(base);
			}

			@Override
			Map<RowKey, TableRow> edits(long id) {
				return new LinkedHashMap<>(edits);
			}
		};
		Draft draft = new Draft(1, 1, "route", "XBRouteList", "XBRoute", "probe", routes, null, Instant.now(),
				Instant.now());
		StringBuilder report = new StringBuilder("packedMB=" + base.data().length / (1024 * 1024));
		for (Format format : Format.values()) {
			AtomicLong rows = new AtomicLong();
			AtomicLong bytes = new AtomicLong();
			new DraftExport(stored).export(draft, format, Map.of(), row -> {
				rows.incrementAndGet();
				return row;
			}, new OutputStream() {
				@Override
				public void write(int b) {
					bytes.incrementAndGet();
				}

				@Override
				public void write(byte[] data, int offset, int length) {
					bytes.addAndGet(length);
				}
			});
			report.append(' ').append(format.parameter()).append("Rows=").append(rows.get()).append(' ')
				.append(format.parameter()).append("MB=").append(bytes.get() / (1024 * 1024));
		}
		System.out.println(report + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	static TableRow route(int i) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("alias", "route-" + i + "-towards-the-carrier-of-the-north-eastern-region-" + (i % 97));
		fields.put("tableId", String.valueOf(i % 50));
		fields.put("digitMatch", String.valueOf(1_000_000L + i));
		fields.put("minLen", "0");
		fields.put("maxLen", "40");
		fields.put("startTod", "0000");
		fields.put("endTod", "2359");
		fields.put("groupId", String.valueOf(i % 7));
		fields.put("policy", "top_down");
		for (int r = 1; r <= 8; r++) {
			fields.put("resourceId" + r, String.valueOf((i + r) % 1000));
		}
		return new TableRow(fields);
	}

}
