package app.vsxi.dashboard.web;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values the layout shows on every page. */
@ControllerAdvice
class LayoutAttributes {

	private final boolean demo;

	LayoutAttributes(Environment environment) {
		this.demo = environment.matchesProfiles("demo");
	}

	/** Demo mode says so on every page: its login and keys are public. */
	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demo;
	}

	@ModelAttribute("productName")
	String productName() {
		return "VSXi fleet";
	}

}
