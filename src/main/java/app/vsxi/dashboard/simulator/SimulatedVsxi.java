package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated VSXi box: its own HTTPS port, self-signed certificate, API users, tables and live stats. It can
 * be stopped and started again, which closes and reopens its port as a box going down and up would.
 */
public final class SimulatedVsxi {

	static {
		// the JDK server writes headers and body separately; without TCP_NODELAY each answer waits out the
		// client's delayed ACK (about 40 ms), which no real VSXi does
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private static final Logger log = LoggerFactory.getLogger(SimulatedVsxi.class);

	private final String name;

	private final String bindAddress;

	private int port;

	private final SelfSignedCertificate certificate;

	private final VsxiState state;

	private final RequestCounts requestCounts = new RequestCounts();

	/** Takes the port down and up again for the "down" fault; one daemon thread per box, made when first needed. */
	private ScheduledExecutorService downtime;

	private HttpsServer server;

	private ExecutorService executor;

	/** A box with a fresh certificate of its own. */
	public SimulatedVsxi(String name, int port, SimulatorProperties properties) {
		this(name, port, properties, SelfSignedCertificate.generate(name));
	}

	/** A box with the same certificate as another: a fleet of a thousand boxes starts without making a key each. */
	public SimulatedVsxi(String name, int port, SimulatorProperties properties, SimulatedVsxi sameCertificateAs) {
		this(name, port, properties, sameCertificateAs.certificate);
	}

	SimulatedVsxi(String name, int port, SimulatorProperties properties, SelfSignedCertificate certificate) {
		this.name = name;
		this.bindAddress = properties.bindAddress();
		this.port = port;
		this.certificate = certificate;
		this.state = new VsxiState(name, new Random(name.hashCode()), properties);
	}

	/**
	 * The standalone box: its certificate is kept in {@code vsxi.simulator.keystore} when that is set, so a restart
	 * does not look like a certificate change.
	 */
	static SimulatedVsxi standalone(String name, int port, SimulatorProperties properties) {
		if (properties.keystore().isBlank()) {
			return new SimulatedVsxi(name, port, properties);
		}
		return new SimulatedVsxi(name, port, properties, SelfSignedCertificate.stored(Path.of(properties.keystore()),
				properties.keystorePassword(), name, properties.freshCertificate()));
	}

	public synchronized SimulatedVsxi start() {
		if (this.server != null) {
			return this;
		}
		try {
			HttpsServer https = HttpsServer.create(new InetSocketAddress(this.bindAddress, this.port), 64);
			https.setHttpsConfigurator(new HttpsConfigurator(this.certificate.sslContext()));
			AtomicInteger threads = new AtomicInteger();
			this.executor = Executors.newFixedThreadPool(8, task -> {
				Thread thread = new Thread(task, "vsxi-sim-" + this.name + "-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			https.setExecutor(this.executor);
			https.createContext("/", new VsxiApiHandler(this.state, this.requestCounts,
					new AdminHandler(this.state, this.requestCounts, this::goDown)));
			https.start();
			this.server = https;
			this.port = https.getAddress().getPort();
			log.info("Simulated VSXi {} listening on https://{}:{} (certificate SHA-256 {})", this.name,
					this.bindAddress, this.port, this.certificate.sha256Fingerprint());
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Simulated VSXi " + this.name + " cannot listen on port " + this.port, ex);
		}
	}

	/** Closes the port and every open connection, as a box that goes down. */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		this.server.stop(0);
		this.executor.shutdownNow();
		this.server = null;
		log.info("Simulated VSXi {} stopped", this.name);
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	public String name() {
		return this.name;
	}

	/** The port it listens on; once started, the real one even if it was asked for any free port. */
	public synchronized int port() {
		return this.port;
	}

	public synchronized String baseUrl() {
		String host = "0.0.0.0".equals(this.bindAddress) ? "127.0.0.1" : this.bindAddress;
		return "https://" + host + ":" + this.port;
	}

	/** SHA-256 of the box's certificate, colon-separated upper-case hex. */
	public String certificateFingerprint() {
		return this.certificate.sha256Fingerprint();
	}

	/** Requests served so far, keyed {@code action/table}. */
	public Map<String, Long> requestCounts() {
		return this.requestCounts.snapshot();
	}

	/** The API requests answered lately, from arrival to answer, in the order they were answered. */
	public List<RequestTiming> requestTimeline() {
		return this.requestCounts.timeline();
	}

	public List<Map<String, Object>> resources() {
		return this.state.resources();
	}

	/**
	 * A copy of the entries of one configuration table as the box holds them now, e.g. {@code entries("users")},
	 * which no API call reads.
	 */
	public List<Map<String, Object>> entries(String table) {
		if (this.state.table(table) == null) {
			throw new IllegalArgumentException("The simulator has no table " + table);
		}
		return this.state.entries(table);
	}

	/** The faults now switched on; see {@code POST /simulator/faults} for the same over HTTP. */
	public Faults faults() {
		return this.state.faults();
	}

	public void faults(Faults faults) {
		this.state.faults(faults);
	}

	/** The switches for what real boxes do differently; see {@link Quirks}. */
	public Quirks quirks() {
		return this.state.quirks();
	}

	public void quirks(Quirks quirks) {
		this.state.quirks(quirks);
	}

	/** Changes the named switches of {@link Quirks} only, e.g. {@code quirks(Map.of("codeInBody", true))}. */
	public void quirks(Map<String, ?> changes) {
		this.state.quirks(this.state.quirks().with(changes));
	}

	/**
	 * Ends the call in this slot as a party hanging up would, outside the API (for tests and demos); false when no
	 * call holds the slot.
	 */
	public boolean hangUp(String ssmIndex) {
		return this.state.calls().hangUp(ssmIndex);
	}

	/** A call answered now whatever the traffic asks for, as {@code stats/active_calls} lists it (tests, demos). */
	public Map<String, Object> answerCall() {
		return this.state.calls().answer();
	}

	/** Load-Balance slave mode: every write answers 402, reads still work. */
	public void slaveMode(boolean slave) {
		this.state.slave(slave);
	}

	public boolean slaveMode() {
		return this.state.slave();
	}

	/** Switches the stats dump layout at run time, as an upgrade of the box would. */
	public void statsGeneration(StatsGeneration generation) {
		this.state.statsGeneration(generation);
	}

	public StatsGeneration statsGeneration() {
		return this.state.statsGeneration();
	}

	/** The user access log, oldest line first. */
	public List<String> userAccessLog() {
		return this.state.accessLog().lines();
	}

	/**
	 * Closes the port now and opens it again after the given time: a box that goes down and comes back. Answers
	 * in flight are given a moment to leave first; the certificate stays the same.
	 */
	public synchronized void goDown(Duration duration) {
		if (this.downtime == null) {
			this.downtime = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "vsxi-sim-" + this.name + "-downtime");
				thread.setDaemon(true);
				return thread;
			});
		}
		this.downtime.schedule(this::stop, 100, TimeUnit.MILLISECONDS);
		this.downtime.schedule(this::start, 100 + duration.toMillis(), TimeUnit.MILLISECONDS);
	}

}
