package app.vsxi.dashboard.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one place a {@link RefusedException} becomes what the user sees: the page they came from, with the reason
 * on top. An HTMX request is sent there too (HX-Redirect), so the refusal is never swallowed by a fragment swap.
 */
@ControllerAdvice
class RefusalAdvice {

	static final String FALLBACK = "/overview";

	@ExceptionHandler(RefusedException.class)
	ModelAndView refused(RefusedException refusal, HttpServletRequest request) {
		RequestContextUtils.getOutputFlashMap(request).put("failure", "Not done: " + refusal.getMessage() + ".");
		String back = sameOriginPath(request);
		if (request.getHeader("HX-Request") == null) {
			return new ModelAndView("redirect:" + back);
		}
		View htmxRedirect = (model, req, res) -> {
			String target = req.getContextPath() + back;
			RequestContextUtils.saveOutputFlashMap(target, req, res);
			res.setHeader("HX-Redirect", target);
			res.setStatus(HttpServletResponse.SC_NO_CONTENT);
		};
		return new ModelAndView(htmxRedirect);
	}

	/** The page the request came from, if it is one of ours; a foreign Referer must not steer a redirect. */
	static String sameOriginPath(HttpServletRequest request) {
		String from = request.getHeader("HX-Current-URL");
		if (from == null) {
			from = request.getHeader("Referer");
		}
		if (from == null) {
			return FALLBACK;
		}
		try {
			URI uri = URI.create(from);
			boolean sameHost = uri.getHost() == null || (uri.getHost().equalsIgnoreCase(request.getServerName())
					&& portOf(uri) == request.getServerPort());
			String path = uri.getRawPath();
			if (!sameHost || path == null || !path.startsWith(request.getContextPath() + "/") || path.startsWith("//")) {
				return FALLBACK;
			}
			String local = path.substring(request.getContextPath().length());
			return uri.getRawQuery() == null ? local : local + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return FALLBACK;
		}
	}

	private static int portOf(URI uri) {
		if (uri.getPort() > 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}
