package app.vsxi.dashboard.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dashboard instance in a JVM of its own, on loopback, against a PostgreSQL schema the caller migrated: what
 * a replica behind the load balancer is. {@link #kill()} ends it as a crash would (SIGKILL, no shutdown hook);
 * {@link #stop()} as a planned stop. Its output goes to {@code target/instances/NAME.log}.
 */
public final class DashboardProcess {

	/** The credential key every instance of a test shares; public, for tests only. */
	public static final String CREDENTIAL_KEY = "dGVzdC1vbmx5LWNsdXN0ZXIta2V5LW5vdC1wcm9kISE=";

	private static final String CHAIN_KEY = "dGVzdC1vbmx5LWNsdXN0ZXItYXVkaXQtY2hhaW4tayE=";

	private final String name;

	private final int port;

	private final Process process;

	private DashboardProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts an instance named {@code name} on {@code port} against {@code jdbcUrl} (a schema already migrated) and
	 * waits until it answers its login page.
	 *
	 * @param settings further {@code --key=value} settings, e.g. the poll interval and lease
	 * @param jvm options of the JVM, e.g. its heap
	 */
	public static DashboardProcess start(String name, int port, String jdbcUrl, String dbUser, Map<String, String> settings,
			List<String> jvm) throws Exception {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("spring.profiles.active", "postgres");
		all.put("spring.datasource.url", jdbcUrl);
		all.put("spring.datasource.username", dbUser);
		all.put("spring.datasource.password", "");
		all.put("spring.flyway.enabled", "false");
		all.put("server.port", Integer.toString(port));
		all.put("server.address", "127.0.0.1");
		// plain HTTP on loopback: the proxy in front does TLS in production
		all.put("server.servlet.session.cookie.secure", "false");
		all.put("vsxi.fleet.credential-key", CREDENTIAL_KEY);
		all.put("vsxi.audit.chain-key", CHAIN_KEY);
		all.put("vsxi.fleet.special-addresses", "127.0.0.0/8");
		all.put("vsxi.cluster.instance-name", name);
		// the instances' tests and benchmark count every request each box gets; backups have tests of their own
		all.put("vsxi.backups.scheduled", "false");
		all.putAll(settings);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvm);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("app.vsxi.dashboard.VsxiDashboardApplication");
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path logs = Path.of("target", "instances");
		Files.createDirectories(logs);
		File log = logs.resolve(name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
		DashboardProcess started = new DashboardProcess(name, port, process);
		started.awaitLoginPage(Duration.ofSeconds(180), log);
		return started;
	}

	private void awaitLoginPage(Duration within, File log) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Instance " + this.name + " ended while starting; see " + log);
			}
			try {
				HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
				if (login.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException("Instance " + this.name + " did not answer within " + within + "; see " + log);
	}

	public String name() {
		return this.name;
	}

	public String base() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	/** Ends the instance at once, as a crash or an OOM kill would: no shutdown hook, no hand-over. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** A planned stop: the instance hands its SBCs over before it ends. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
