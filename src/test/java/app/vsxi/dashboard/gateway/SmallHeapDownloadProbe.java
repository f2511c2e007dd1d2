package app.vsxi.dashboard.gateway;

import app.vsxi.dashboard.support.GatewayParts;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Run in its own small-heap JVM by {@link SmallHeapStreamingTests}: reads {@code downloadLarge/route} from the SBC
 * at {@code args[0]} (certificate {@code args[1]}) through the gateway into typed routes, counting them and keeping
 * none. Prints the count and the last alias; exits 0 only when the gateway read the whole zip.
 */
public final class SmallHeapDownloadProbe {

	private SmallHeapDownloadProbe() {
	}

	public static void main(String[] args) {
		GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(5), Duration.ofSeconds(60), 2),
				new SimpleMeterRegistry());
		try {
			AtomicLong routes = new AtomicLong();
			AtomicReference<String> last = new AtomicReference<>();
			GatewayResult<TableZip.Summary> result = gateway.tables().downloadLarge(new SbcEndpoint(1, "probe", URI.create(args[0]), "admin", "admin", args[1]), VsxiTable.ROUTE,
						row -> {
							routes.incrementAndGet();
							last.set(Route.from(row).alias());
						})
				.block(Duration.ofMinutes(2));
			System.out.println("result=" + result.fold(summary -> "ok rows=" + summary.rows(), GatewayError::message)
					+ " routes=" + routes.get() + " last=" + last.get() + " maxHeapMB="
					+ Runtime.getRuntime().maxMemory() / (1024 * 1024));
			System.exit(result.isOk() ? 0 : 1);
		}
		finally {
			gateway.destroy();
		}
	}

}
