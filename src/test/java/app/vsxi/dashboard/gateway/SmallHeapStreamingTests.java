package app.vsxi.dashboard.gateway;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.FakeSbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 routes, more XML than the heap could hold, read through the gateway's Large download in a child JVM
 * capped at {@code -Xmx48m}: if the gateway held the table (or the zip's XML) whole, that JVM would die of
 * OutOfMemoryError and exit non-zero. No timing is asserted.
 */
class SmallHeapStreamingTests {

	private static final int ROUTES = 100_000;

	private static final long HEAP_MB = 48;

	@Test
	void aHundredThousandRoutesStreamThroughTheGatewayInA48MegabyteHeap() throws Exception {
		long[] unpacked = { 0 };
		TableXml.write(VsxiTable.ROUTE.names(), routes(), new OutputStream() {
			@Override
			public void write(int b) {
				unpacked[0]++;
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				unpacked[0] += length;
			}
		});
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		TableZip.writeXml("route.xml", VsxiTable.ROUTE.names(), routes(), zip);
		byte[] body = zip.toByteArray();
		// the table's XML alone is more than the child's whole heap
		assertThat(unpacked[0]).isGreaterThan(HEAP_MB * 1024 * 1024);

		try (FakeSbc fake = new FakeSbc((method, path, request) -> new FakeSbc.Answer(200, "application/zip", body))) {
			String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
			Process probe = new ProcessBuilder(List.of(java, "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError",
					"-cp", System.getProperty("java.class.path"), SmallHeapDownloadProbe.class.getName(), fake.baseUrl(),
					fake.fingerprint()))
				.redirectErrorStream(true)
				.start();
			String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(probe.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();

			assertThat(probe.exitValue()).as(output).isZero();
			assertThat(output).contains("result=ok rows=" + ROUTES + " routes=" + ROUTES + " last=" + alias(ROUTES - 1)
					+ " maxHeapMB=");
			assertThat(fake.requests()).extracting(FakeSbc.Request::pathAndQuery)
				.containsExactly("/SSConfig/webresources/downloadLarge/route?format=xml");
		}
	}

	private static Iterator<TableRow> routes() {
		return IntStream.range(0, ROUTES).mapToObj(i -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("alias", alias(i));
			fields.put("tableId", i % 50);
			fields.put("digitMatch", String.valueOf(1_000_000L + i));
			fields.put("minLen", 0);
			fields.put("maxLen", 40);
			fields.put("startTod", "0000");
			fields.put("endTod", "2359");
			fields.put("groupId", i % 7);
			fields.put("policy", "top_down");
			for (int r = 1; r <= 8; r++) {
				fields.put("resourceId" + r, (i + r) % 1000);
			}
			return new TableRow(fields);
		}).iterator();
	}

	private static String alias(int i) {
		return "route-" + i + "-towards-the-carrier-of-the-north-eastern-region-" + (i % 97);
	}

}
