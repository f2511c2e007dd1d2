package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
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

/** A self-signed certificate per simulated box, as real boxes ship with: fresh, or kept in a keystore file. */
final class SelfSignedCertificate {

	private static final char[] STORE_PASSWORD = "simulator".toCharArray();

	private static final String ALIAS = "vsxi";

	private final SSLContext sslContext;

	private final String sha256Fingerprint;

	private SelfSignedCertificate(SSLContext sslContext, String sha256Fingerprint) {
		this.sslContext = sslContext;
		this.sha256Fingerprint = sha256Fingerprint;
	}

	static SelfSignedCertificate generate(String commonName) {
		return of(newKeyStore(commonName, STORE_PASSWORD), STORE_PASSWORD, commonName);
	}

	/**
	 * The certificate kept in a PKCS12 file, so a restarted box presents the same one; made and written there when
	 * the file does not exist yet, or when a fresh one is asked for.
	 */
	static SelfSignedCertificate stored(Path file, String password, String commonName, boolean fresh) {
		char[] secret = password.toCharArray();
		try {
			KeyStore store;
			if (fresh || !Files.exists(file)) {
				store = newKeyStore(commonName, secret);
				Path parent = file.toAbsolutePath().getParent();
				Files.createDirectories(parent);
				Path written = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
				try (OutputStream out = Files.newOutputStream(written)) {
					store.store(out, secret);
				}
				// a whole file or none: a box stopped while writing must not lose its certificate
				Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			else {
				store = KeyStore.getInstance("PKCS12");
				try (InputStream in = Files.newInputStream(file)) {
					store.load(in, secret);
				}
			}
			return of(store, secret, commonName);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot keep the certificate of simulated VSXi " + commonName + " in " + file,
					ex);
		}
	}

	private static KeyStore newKeyStore(String commonName, char[] password) {
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
			store.setKeyEntry(ALIAS, keys.getPrivate(), password, new X509Certificate[] { certificate });
			return store;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create a certificate for simulated VSXi " + commonName, ex);
		}
	}

	private static SelfSignedCertificate of(KeyStore store, char[] password, String commonName) {
		try {
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(store, password);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), null, null);
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(store.getCertificate(ALIAS).getEncoded());
			return new SelfSignedCertificate(context, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot serve the certificate of simulated VSXi " + commonName, ex);
		}
	}

	SSLContext sslContext() {
		return this.sslContext;
	}

	String sha256Fingerprint() {
		return this.sha256Fingerprint;
	}

}
