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
import app.vsxi.dashboard.support.StartEarly;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 routes whose aliases are random enough that the zip itself, not only its XML, is more than the heap could
 * hold, read through the gateway's Large download in a child JVM capped at {@code -Xmx32m}: if the gateway held the
 * answer's bytes, the table or the zip's XML whole, that JVM would die of OutOfMemoryError and exit non-zero. No
 * timing is asserted.
 */
@StartEarly
class SmallHeapStreamingTests {

	private static final int ROUTES = 100_000;

	private static final long HEAP_MB = 32;

	/** About 6 bits each once zipped: some 360 bytes a route, so some 36 MB of zip for the lot. */
	private static final int RANDOM_CHARACTERS = 480;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	@Test
	void routesWhoseZipAloneOutweighsTheHeapStreamThroughTheGatewayInA32MegabyteHeap() throws Exception {
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
		// the zipped answer alone, let alone the table's XML, is more than the child's whole heap
		assertThat((long) body.length).isGreaterThan(HEAP_MB * 1024 * 1024);
		assertThat(unpacked[0]).isGreaterThan(body.length);

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

	/** Unique, and the same every run, but random past its number so that deflate cannot shrink it much. */
	private static String alias(int i) {
		java.util.Random random = new java.util.Random(i);
		StringBuilder alias = new StringBuilder("route-").append(i).append('-');
		for (int c = 0; c < RANDOM_CHARACTERS; c++) {
			alias.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return alias.toString();
	}

}
