package app.vsxi.dashboard.tables;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An import the editor will not take answers a page that says why, with a 4xx status, instead of an error page:
 * a file over the upload limit (413) and one too long, too deep or with field names the box cannot carry (422).
 * Ahead of the general refusal handling, which would only redirect.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportRefusals {

	/** As configured, e.g. 20MB: the same words as the container's own 413 page (error/413). */
	private final String largest;

	ImportRefusals(@Value("${spring.servlet.multipart.max-file-size:1MB}") String largest) {
		this.largest = largest;
	}

	@ExceptionHandler(ImportRefused.class)
	ModelAndView refused(ImportRefused refusal, HttpServletRequest request) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT, refusal.getMessage(), request);
	}

	/** Raised before any controller is chosen, while the upload is read. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return page(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than " + this.largest
				+ ", the most one upload may be (spring.servlet.multipart.max-file-size): split it into smaller files",
				request);
	}

	private static ModelAndView page(HttpStatus status, String reason, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		ModelAndView page = new ModelAndView("tables/refused");
		page.setStatus(status);
		page.addObject("reason", reason);
		// back to the draft the file was for; the path is ours only if it has the import's shape
		page.addObject("back", path.matches("/sbcs/\\d+/tables/drafts/\\d+/import") ? path.replaceAll("/import$", "")
				: "/overview");
		return page;
	}

}
