package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

	private static final Logger log = LoggerFactory.getLogger(SimulatedVsxi.class);

	private final String name;

	private final String bindAddress;

	private int port;

	private final SelfSignedCertificate certificate;

	private final VsxiState state;

	private final RequestCounts requestCounts = new RequestCounts();

	private HttpsServer server;

	private ExecutorService executor;

	public SimulatedVsxi(String name, int port, SimulatorProperties properties) {
		this.name = name;
		this.bindAddress = properties.bindAddress();
		this.port = port;
		this.certificate = SelfSignedCertificate.generate(name);
		this.state = new VsxiState(name, new Random(name.hashCode()), properties);
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
			https.createContext("/", new VsxiApiHandler(this.state, this.requestCounts));
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

	public List<Map<String, Object>> resources() {
		return this.state.resources();
	}

}
