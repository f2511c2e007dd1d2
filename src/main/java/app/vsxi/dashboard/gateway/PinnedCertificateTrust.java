package app.vsxi.dashboard.gateway;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: the one whose SHA-256 fingerprint an administrator confirmed for this SBC.
 * The fingerprint is the whole identity check, so host names are not compared: VSXi certificates are
 * self-signed and seldom name the address the box is reached at.
 */
final class PinnedCertificateTrust extends X509ExtendedTrustManager {

	private final byte[] pinned;

	PinnedCertificateTrust(String fingerprint) {
		this.pinned = fingerprint.getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		if (chain == null || chain.length == 0) {
			throw new CertificateException("the SBC presented no certificate");
		}
		byte[] presented = CertificateProbe.fingerprint(chain[0]).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(presented, this.pinned)) {
			throw new CertificateException("the SBC's certificate is not the confirmed one");
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("the dashboard accepts no client certificates");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return new X509Certificate[0];
	}

}
