package app.vsxi.dashboard.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Learns which certificate an SBC presents, without trusting it and without sending it anything: the handshake
 * is broken off as soon as the certificate is seen. An administrator then confirms the fingerprint.
 */
public final class CertificateProbe {

	private CertificateProbe() {
	}

	/** SHA-256 fingerprint of the certificate the SBC presents, or why none could be read. */
	public static GatewayResult<String> presentedFingerprint(URI baseUrl, Duration timeout) {
		AtomicReference<X509Certificate> seen = new AtomicReference<>();
		int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : 443;
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new Recorder(seen) }, null);
			try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
				socket.connect(new InetSocketAddress(baseUrl.getHost(), port), (int) timeout.toMillis());
				socket.setSoTimeout((int) timeout.toMillis());
				socket.startHandshake();
			}
		}
		catch (UnknownHostException ex) {
			return GatewayResult.failed(new GatewayError.Unreachable("unknown host " + baseUrl.getHost()));
		}
		catch (ConnectException ex) {
			return GatewayResult.failed(new GatewayError.Unreachable("connection refused on port " + port));
		}
		catch (SocketTimeoutException ex) {
			return GatewayResult.failed(new GatewayError.Timeout("connect"));
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			// expected: the recorder breaks the handshake off once it has the certificate
		}
		X509Certificate certificate = seen.get();
		if (certificate == null) {
			return GatewayResult.failed(new GatewayError.TlsFailure("the SBC presented no certificate"));
		}
		return GatewayResult.ok(fingerprint(certificate));
	}

	static String fingerprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}


	private record Recorder(AtomicReference<X509Certificate> seen) implements X509TrustManager {

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			if (chain != null && chain.length > 0) {
				this.seen.set(chain[0]);
			}
			throw new CertificateException("certificate recorded, not trusted");
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			throw new CertificateException("not a server");
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
