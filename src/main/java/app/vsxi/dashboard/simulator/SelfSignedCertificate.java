package app.vsxi.dashboard.simulator;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A fresh self-signed certificate per simulated box, as real boxes ship with. */
final class SelfSignedCertificate {

	private static final char[] STORE_PASSWORD = "simulator".toCharArray();

	private final SSLContext sslContext;

	private final String sha256Fingerprint;

	private SelfSignedCertificate(SSLContext sslContext, String sha256Fingerprint) {
		this.sslContext = sslContext;
		this.sha256Fingerprint = sha256Fingerprint;
	}

	static SelfSignedCertificate generate(String commonName) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			KeyPair keys = generator.generateKeyPair();
			Instant now = Instant.now();
			X500Name subject = new X500Name("CN=" + commonName + ", O=VSXi simulator");
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic());
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("vsxi", keys.getPrivate(), STORE_PASSWORD, new X509Certificate[] { certificate });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(store, STORE_PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), null, null);
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return new SelfSignedCertificate(context, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create a certificate for simulated VSXi " + commonName, ex);
		}
	}

	SSLContext sslContext() {
		return this.sslContext;
	}

	String sha256Fingerprint() {
		return this.sha256Fingerprint;
	}

}
