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

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** An "SBC" whose every answer is markup and script, to prove the dashboard shows SBC text as text. */
public final class HostileSbc implements AutoCloseable {

	public static final String PAYLOAD = "401 <script>window.__xss='sbc'</script><img id=\"xss-sbc\" src=\"x\">";

	private final HttpsServer server;

	private final String fingerprint;

	public HostileSbc() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=hostile");
		X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
				name, BigInteger.ONE, new Date(System.currentTimeMillis() - 86_400_000L),
				new Date(System.currentTimeMillis() + 86_400_000L), name, keys.getPublic())
			.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("k", keys.getPrivate(), new char[0], new X509Certificate[] { certificate });
		KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		managers.init(store, new char[0]);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(managers.getKeyManagers(), null, null);
		this.fingerprint = HexFormat.ofDelimiter(":")
			.withUpperCase()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
		this.server.setHttpsConfigurator(new HttpsConfigurator(context));
		this.server.createContext("/", exchange -> {
			byte[] body = PAYLOAD.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(401, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	public String baseUrl() {
		return "https://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String fingerprint() {
		return this.fingerprint;
	}

	@Override
	public void close() throws IOException {
		this.server.stop(0);
	}

}
