package app.vsxi.dashboard.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values the layout shows on every page. */
@ControllerAdvice
class LayoutAttributes {

	@ModelAttribute("productName")
	String productName() {
		return "VSXi fleet";
	}

}
