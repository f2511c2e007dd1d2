package app.vsxi.dashboard.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values the layout shows on every page. */
@ControllerAdvice
class LayoutAttributes {

	private final boolean demo;

	private final ObjectProvider<WaitingApprovals> waiting;

	LayoutAttributes(Environment environment, ObjectProvider<WaitingApprovals> waiting) {
		this.demo = environment.matchesProfiles("demo");
		this.waiting = waiting;
	}

	/** Counted only if the page shows the header: a fragment costs nothing. */
	@ModelAttribute("waitingApprovals")
	WaitingApprovals waitingApprovals() {
		return this.waiting.getIfAvailable(() -> () -> 0);
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
