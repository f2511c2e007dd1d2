package app.vsxi.dashboard.support;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority for tests: a CA certificate and server certificates it signs for a host. */
public final class TestCa {

	private static final AtomicLong SERIALS = new AtomicLong(100);

	private final KeyPair keys;

	private final X509Certificate certificate;

	public TestCa(String name) throws Exception {
		this.keys = ecKeys();
		X500Name subject = new X500Name("CN=" + name);
		this.certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
				BigInteger.valueOf(SERIALS.incrementAndGet()), yesterday(), tomorrow(), subject, this.keys.getPublic())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
			.build(new JcaContentSignerBuilder("SHA256withECDSA").build(this.keys.getPrivate())));
	}

	/** A private key and certificate chain, leaf first. */
	public record Issued(PrivateKey key, X509Certificate[] chain) {
	}

	/** A server certificate for {@code host} (an IP address or a DNS name), signed by this CA. */
	public Issued issue(String host) throws Exception {
		KeyPair leaf = ecKeys();
		int type = Character.isDigit(host.charAt(0)) ? GeneralName.iPAddress : GeneralName.dNSName;
		X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
				new X500Name(this.certificate.getSubjectX500Principal().getName()),
				BigInteger.valueOf(SERIALS.incrementAndGet()), yesterday(), tomorrow(), new X500Name("CN=" + host),
				leaf.getPublic())
			.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(type, host)))
			.build(new JcaContentSignerBuilder("SHA256withECDSA").build(this.keys.getPrivate())));
		return new Issued(leaf.getPrivate(), new X509Certificate[] { certificate, this.certificate });
	}

	/** Writes the CA certificate as PEM, as an administrator would configure it. */
	public Path writePem(Path file) throws Exception {
		String pem = "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(this.certificate.getEncoded())
				+ "\n-----END CERTIFICATE-----\n";
		return Files.writeString(file, pem);
	}

	private static KeyPair ecKeys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static Date yesterday() {
		return new Date(System.currentTimeMillis() - 86_400_000L);
	}

	private static Date tomorrow() {
		return new Date(System.currentTimeMillis() + 86_400_000L);
	}


}
