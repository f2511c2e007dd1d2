package app.vsxi.dashboard.gateway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.http.client.PrematureCloseException;

/** Turns what went wrong on the wire, and what the SBC answered, into a {@link GatewayError}. */
final class FailureClassifier {

	private FailureClassifier() {
	}

	/** For an answer other than 200, or a 200 whose body leads with another code; {@code sbc} may be null. */
	static GatewayError fromStatus(int status, String body, SbcEndpoint sbc) {
		String text = operatorText(body);
		if (status == 500 && text.contains("convert xml2json failed")) {
			return new GatewayError.JsonConversionFailed(text);
		}
		return switch (status) {
			case 401 -> new GatewayError.NotAuthorized(text.isEmpty() ? "401" : text);
			case 402 -> new GatewayError.SlaveMode(text, sbc == null ? null : sbc.masterName());
			case 400 -> new GatewayError.Rejected(text.isEmpty() ? "400" : text);
			case 404 -> new GatewayError.NoRestApi();
			default -> new GatewayError.UnexpectedResponse(status, text);
		};
	}

	/** The code a VSXi answer text starts with ({@code 300 Finished With Errors…}), or -1. */
	static int leadingCode(String text) {
		java.util.regex.Matcher code = LEADING_CODE.matcher(text);
		return code.lookingAt() ? Integer.parseInt(code.group(1)) : -1;
	}

	private static final java.util.regex.Pattern LEADING_CODE = java.util.regex.Pattern.compile("\\s*([1-5]\\d\\d)\\b");

	private static final java.util.regex.Pattern SCRIPTS = java.util.regex.Pattern
		.compile("(?is)<(script|style)\\b.*?(</\\1\\s*>|$)");

	private static final java.util.regex.Pattern TAGS = java.util.regex.Pattern.compile("<[a-zA-Z/!?][^>]*>?");

	/**
	 * What an operator may be shown of an SBC's text: markup dropped (a servlet container's error page, or worse),
	 * the {@code null} line some boxes add under {@code 400 fail - failed} dropped, on one short line.
	 */
	static String operatorText(String body) {
		if (body == null) {
			return "";
		}
		String text = TAGS.matcher(SCRIPTS.matcher(body).replaceAll(" ")).replaceAll(" ");
		text = text.replaceAll("(?m)^\\s*null\\s*$", "");
		return abbreviate(text);
	}

	/** For a call that got no usable answer. May probe the certificate, so call it off the event loop. */
	static GatewayError fromException(Throwable failure, SbcEndpoint endpoint, Duration probeTimeout) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectTimeoutException) {
				return new GatewayError.Timeout("connect");
			}
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
				return new GatewayError.Unreachable("connection refused at " + endpoint.baseUrl().getAuthority());
			}
			if (cause instanceof UnknownHostException) {
				return new GatewayError.Unreachable("unknown host " + endpoint.baseUrl().getHost());
			}
			if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
				return new GatewayError.Timeout("read");
			}
			// reactor-netty's pool exceptions are shaded internals: matched by name, not imported
			if (cause.getClass().getSimpleName().startsWith("PoolAcquire")) {
				return new GatewayError.Timeout("queue (too many requests waiting for this SBC)");
			}
			if (cause instanceof PrematureCloseException) {
				return new GatewayError.Unreachable("connection closed by the SBC before it answered");
			}
			if (cause instanceof SSLException) {
				return tlsFailure(cause, endpoint, probeTimeout);
			}
		}
		return new GatewayError.UnexpectedResponse(0, abbreviate(String.valueOf(failure.getMessage())));
	}

	private static GatewayError tlsFailure(Throwable cause, SbcEndpoint endpoint, Duration probeTimeout) {
		if (endpoint.trust() == SbcTrust.CERTIFICATE_AUTHORITY) {
			return new GatewayError.TlsFailure("the certificate is not signed by the configured CA for host "
					+ endpoint.baseUrl().getHost() + " (" + abbreviate(String.valueOf(cause.getMessage())) + ")");
		}
		GatewayResult<String> presented = CertificateProbe.presentedFingerprint(endpoint.baseUrl(), probeTimeout);
		String now = presented.okValue().orElse(null);
		if (now != null && !now.equals(endpoint.certificateFingerprint())) {
			return new GatewayError.CertificateChanged(now, endpoint.certificateFingerprint());
		}
		return new GatewayError.TlsFailure(abbreviate(String.valueOf(cause.getMessage())));
	}

	static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
	}

}
