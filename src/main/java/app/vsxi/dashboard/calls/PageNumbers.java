package app.vsxi.dashboard.calls;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A whole number too large for an int (page=99999999999) binds as the largest int, so it shows the last page as
 * any number past the last does, instead of failing the whole search with a 400.
 */
@ControllerAdvice(basePackageClasses = PageNumbers.class)
class PageNumbers {

	@InitBinder
	void numbers(WebDataBinder binder) {
		binder.registerCustomEditor(Integer.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				String number = text == null ? "" : text.strip();
				if (number.isEmpty()) {
					setValue(null);
				}
				else if (number.matches("\\d{10,1000}")) {
					setValue(Long.valueOf(Integer.MAX_VALUE).compareTo(parsed(number)) < 0 ? Integer.MAX_VALUE
							: Integer.valueOf(number));
				}
				else {
					setValue(Integer.valueOf(number));
				}
			}
		});
	}

	private static Long parsed(String digits) {
		return digits.length() > 18 ? Long.MAX_VALUE : Long.valueOf(digits);
	}

}
