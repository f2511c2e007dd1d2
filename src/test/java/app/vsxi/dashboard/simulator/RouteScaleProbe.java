package app.vsxi.dashboard.simulator;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipInputStream;

/**
 * Run in its own JVM by {@link RouteScaleTests} (or by hand, see docs/simulator.md): seeds one box with the given
 * number of routes, streams {@code downloadLarge/route} through a client in the same JVM, counts the routes in the zip
 * and prints the peak heap of the whole JVM. The heap limit is the JVM's {@code -Xmx}.
 */
public final class RouteScaleProbe {

	private RouteScaleProbe() {
	}

	public static void main(String[] args) throws Exception {
		int routes = Integer.parseInt(args[0]);
		SimulatedVsxi box = new SimulatedVsxi("scale", 0,
				new SimulatorProperties("admin", "admin", "127.0.0.1", StatsGeneration.OLDER, routes)).start();
		try {
			SimulatorClient client = new SimulatorClient(box, "admin", "admin");
			HttpResponse<InputStream> response = client.stream("downloadLarge/route");
			long counted;
			String entry;
			try (ZipInputStream zip = new ZipInputStream(response.body())) {
				entry = zip.getNextEntry().getName();
				counted = count(zip, "<XBRoute>".getBytes(StandardCharsets.US_ASCII));
			}
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			System.out.println("status=" + response.statusCode() + " entry=" + entry + " routes=" + counted
					+ " peakHeapMB=" + peak / (1024 * 1024) + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		finally {
			box.stop();
		}
	}

	/** Occurrences of a pattern that cannot overlap itself, read without keeping the stream. */
	private static long count(InputStream in, byte[] pattern) throws java.io.IOException {
		byte[] buffer = new byte[64 * 1024];
		long count = 0;
		int matched = 0;
		int read;
		while ((read = in.read(buffer)) > 0) {
			for (int i = 0; i < read; i++) {
				if (buffer[i] == pattern[matched]) {
					if (++matched == pattern.length) {
						count++;
						matched = 0;
					}
				}
				else {
					matched = buffer[i] == pattern[0] ? 1 : 0;
				}
			}
		}
		return count;
	}

}
