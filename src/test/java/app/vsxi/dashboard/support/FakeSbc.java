package app.vsxi.dashboard.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An HTTPS "SBC" that answers whatever a test tells it to, for answers no well-behaved box gives: markup,
 * garbage, zip bombs, entity tricks. It records every request it receives: method, path with query, headers and
 * body, so tests can pin exactly what went on the wire.
 */
public final class FakeSbc implements AutoCloseable {

	/** Markup and script, as a hostile or broken box might send in an error text. */
	public static final String HOSTILE_TEXT = "401 <script>window.__xss='sbc'</script><img id=\"xss-sbc\" src=\"x\">";

	/** What to answer to one request; {@code cutShort} drops the connection halfway through the body. */
	public record Answer(int status, String contentType, byte[] body, boolean cutShort) {

		public Answer(int status, String contentType, byte[] body) {
			this(status, contentType, body, false);
		}

		public static Answer text(int status, String body) {
			return new Answer(status, "text/plain", body.getBytes(StandardCharsets.UTF_8));
		}

		/** The status line, headers and part of the body, then the connection drops: a reset mid-answer. */
		public static Answer cutShort(int status, String body) {
			return new Answer(status, "text/plain", body.getBytes(StandardCharsets.UTF_8), true);
		}

	}

	/** One request as it arrived. Header names are lower case. */
	public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {

		/** The first value of a header, or null when it was not sent. */
		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String contentType() {
			return header("Content-Type");
		}

		public String uri() {
			return this.pathAndQuery;
		}

	}

	@FunctionalInterface
	public interface Responder {

		Answer answer(String method, String path, byte[] body);

	}

	private final HttpsServer server;

	private final String fingerprint;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** An SBC with a self-signed certificate, as VSXi boxes ship. */
	public FakeSbc(Responder responder) throws Exception {
		this(selfSigned(), responder);
	}

	/** An SBC whose certificate, for {@code host}, the given CA signed. */
	public static FakeSbc signedBy(TestCa ca, String host, Responder responder) throws Exception {
		return new FakeSbc(ca.issue(host), responder);
	}

	private FakeSbc(TestCa.Issued identity, Responder responder) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("k", identity.key(), new char[0], identity.chain());
		KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		managers.init(store, new char[0]);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(managers.getKeyManagers(), null, null);
		this.fingerprint = HexFormat.ofDelimiter(":")
			.withUpperCase()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(identity.chain()[0].getEncoded()));
		this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
		this.server.setHttpsConfigurator(new HttpsConfigurator(context));
		this.server.createContext("/", exchange -> respond(exchange, responder));
		// one thread per request, so a slow answer does not hold back the next request's arrival
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "fake-sbc");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	private static TestCa.Issued selfSigned() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=fake-sbc");
		X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
				name, BigInteger.ONE, new Date(System.currentTimeMillis() - 86_400_000L),
				new Date(System.currentTimeMillis() + 86_400_000L), name, keys.getPublic())
			.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		return new TestCa.Issued(keys.getPrivate(), new X509Certificate[] { certificate });
	}

	/** An SBC whose every answer is {@link #HOSTILE_TEXT} with a 401. */
	public static FakeSbc hostile() throws Exception {
		return new FakeSbc((method, path, body) -> Answer.text(401, HOSTILE_TEXT));
	}

	private void respond(HttpExchange exchange, Responder responder) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, List<String>> headers = new java.util.TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
					+ (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
					headers, body));
			Answer answer = responder.answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			if (answer.cutShort()) {
				// a length the body never reaches, so the client is left mid-answer when the connection goes
				exchange.sendResponseHeaders(answer.status(), answer.body().length + 4096L);
				exchange.getResponseBody().write(answer.body(), 0, answer.body().length / 2);
				exchange.getResponseBody().flush();
				throw new IOException("connection dropped mid-answer");
			}
			exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
	}

	public String baseUrl() {
		return "https://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String fingerprint() {
		return this.fingerprint;
	}

	/** Every request body received, in order. */
	public List<String> received() {
		return this.requests.stream().map(Request::text).toList();
	}

	/** Every request received, in order. */
	public List<Request> requests() {
		return this.requests;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
