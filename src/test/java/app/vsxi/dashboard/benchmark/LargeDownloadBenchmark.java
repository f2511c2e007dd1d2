package app.vsxi.dashboard.benchmark;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.Route;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.support.GatewayParts;

import static app.vsxi.dashboard.benchmark.Figures.peakHeapMegabytes;

/**
 * {@code downloadLarge/route} of 1,000,000 routes from a standalone simulated VSXi (its own JVM, so its memory
 * is not counted) through the gateway into typed {@link Route}s. Prints the time and this JVM's peak heap; the
 * benchmark runs with {@code -Xmx256m}, the target, so it could not finish if the gateway needed more.
 */
public final class LargeDownloadBenchmark {

	private static final int ROUTES = Integer.getInteger("routes", 1_000_000);

	public static void main(String[] args) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process simulator = new ProcessBuilder(
				new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx512m", "-cp",
				System.getProperty("java.class.path"), VsxiDashboardApplication.class.getName(),
				"--spring.profiles.active=simulator", "--server.port=" + port, "--vsxi.simulator.bind-address=127.0.0.1",
				"--vsxi.simulator.seed-routes=" + ROUTES, "--logging.level.root=WARN")
			.inheritIO()
			.start();
		GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(3), Duration.ofSeconds(60), 2),
				new SimpleMeterRegistry());
		try {
			BrowserSession.waitForPort(port);
			URI base = URI.create("https://127.0.0.1:" + port);
			String fingerprint = gateway.exchange().presentedCertificate(base).okValue().orElseThrow();
			SbcEndpoint sbc = new SbcEndpoint(1, "large", base, "admin", "admin", fingerprint);
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

			AtomicLong rows = new AtomicLong();
			AtomicLong resources = new AtomicLong();
			long start = System.nanoTime();
			GatewayResult<TableZip.Summary> result = gateway.tables().downloadLarge(sbc, VsxiTable.ROUTE, row -> {
				Route route = Route.from(row);
				rows.incrementAndGet();
				resources.addAndGet(route.resourceIds().size());
			}).block(Duration.ofMinutes(10));
			long millis = (System.nanoTime() - start) / 1_000_000;

			if (result.okValue().map(TableZip.Summary::rows).orElse(-1L) != ROUTES) {
				throw new IllegalStateException("download did not bring every route: " + result);
			}
			System.out.printf("downloadLarge/route: %,d typed routes (%,d resource references) in %,d ms (%,.0f routes/s)%n",
					rows.get(), resources.get(), millis, rows.get() * 1000.0 / millis);
			System.out.printf("peak heap of the dashboard JVM: %.1f MB (sum of heap pool peaks; -Xmx %d MB; target < 256 MB)%n",
					peakHeapMegabytes(), Runtime.getRuntime().maxMemory() / 1048576);
		}
		finally {
			gateway.destroy();
			simulator.destroy();
			simulator.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
