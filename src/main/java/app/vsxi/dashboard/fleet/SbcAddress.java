package app.vsxi.dashboard.fleet;

import java.net.URI;
import java.net.URISyntaxException;

/** Turns what an administrator types ("10.1.2.3", "sbc1.example.net:8888", a full URL) into a VSXi base URL. */
final class SbcAddress {

	static final int VSXI_PORT = 8888;

	private SbcAddress() {
	}

	/** The base URL, e.g. {@code https://10.1.2.3:8888}; throws with a readable reason if it is not one. */
	static String normalise(String typed) {
		String text = typed.trim();
		if (!text.contains("://")) {
			text = "https://" + text;
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a host name, address or URL");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme())) {
			throw new IllegalArgumentException("the VSXi API is served over HTTPS only");
		}
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("no host name or address");
		}
		String path = uri.getPath();
		if (path != null && !path.isEmpty() && !"/".equals(path) && !path.startsWith("/SSConfig")) {
			throw new IllegalArgumentException("give the host and port only, not a path");
		}
		int port = uri.getPort() > 0 ? uri.getPort() : VSXI_PORT;
		String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
				: uri.getHost();
		return "https://" + host.toLowerCase() + ":" + port;
	}

}
