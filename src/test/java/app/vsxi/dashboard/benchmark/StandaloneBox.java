package app.vsxi.dashboard.benchmark;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.gateway.SbcExchange;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A simulated VSXi seeded with many routes in a JVM of its own (so the benchmark's heap is the dashboard's),
 * listening on loopback, registered with a dashboard as a fleet member.
 */
final class StandaloneBox implements AutoCloseable {

	private final Process process;

	private final int port;

	private StandaloneBox(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static StandaloneBox start(int routes) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
				"-Xmx1g", "-cp", System.getProperty("java.class.path"), VsxiDashboardApplication.class.getName(),
				"--spring.profiles.active=simulator", "--server.port=" + port,
				"--vsxi.simulator.bind-address=127.0.0.1", "--vsxi.simulator.seed-routes=" + routes,
				"--logging.level.root=WARN")
			.inheritIO()
			.start();
		BrowserSession.waitForPort(port);
		return new StandaloneBox(process, port);
	}

	/**
	 * The dashboard as the editor's benchmarks run it beside a box: demo mode (its admin / admin login), templates
	 * cached as in production (demo mode turns the cache off for template editing), no polling to speak of, and a
	 * read timeout long enough for a million rows.
	 */
	static ConfigurableApplicationContext dashboard() {
		return dashboard(fileDatabase());
	}

	/** As {@link #dashboard()}, on the database {@code database} names ({@code --spring.datasource.…} arguments). */
	static ConfigurableApplicationContext dashboard(String... database) {
		List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--vsxi.monitoring.poll-interval=1h",
				"--vsxi.gateway.read-timeout=300s", "--logging.level.root=WARN", "--spring.thymeleaf.cache=true"));
		args.addAll(List.of(database));
		return new org.springframework.boot.builder.SpringApplicationBuilder(
				app.vsxi.dashboard.VsxiDashboardApplication.class)
			.profiles("demo", "test")
			.run(args.toArray(String[]::new));
	}

	/**
	 * A database in a file of its own, as the dashboard keeps one (H2 file in demo mode, PostgreSQL in production):
	 * the test profile's in-memory database would hold every draft base and snapshot of a million rows inside the
	 * heap the benchmark measures.
	 */
	static String fileDatabase() {
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vsxi-bench-db");
			dir.toFile().deleteOnExit();
			return "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("dashboard") + ";DB_CLOSE_ON_EXIT=FALSE";
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Where the box's REST API answers, e.g. {@code https://127.0.0.1:40123}. */
	String url() {
		return "https://127.0.0.1:" + this.port;
	}

	/** Registers the box with the dashboard, trusting the certificate it presents; its id. */
	long register(ConfigurableApplicationContext app, String name) {
		String box = "https://127.0.0.1:" + this.port;
		String fingerprint = app.getBean(SbcExchange.class).presentedCertificate(URI.create(box)).okValue()
			.orElseThrow();
		return app.getBean(FleetService.class).register(name, box, "admin", "admin", null, "Default", fingerprint).id();
	}

	/** Calls on this thread act as the demo's admin, as the page would. */
	static void actAsAdmin(ConfigurableApplicationContext app) {
		UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

}
