package app.vsxi.dashboard.support;

import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where the service it needs is there, or where it must be (CI): then a missing service
 * fails the class instead of skipping it. Decided before the class is built, so no set-up or clean-up method runs
 * for a skipped class. The JUnit parameters {@code vsxi.test.<service>.location} and
 * {@code vsxi.test.<service>.required} override the environment, which is how the skip path itself is tested.
 */
abstract class ExternalService implements ExecutionCondition {

	private final String service;

	private final String defaultLocation;

	private final Predicate<String> present;

	ExternalService(String service, String defaultLocation, Predicate<String> present) {
		this.service = service;
		this.defaultLocation = defaultLocation;
		this.present = present;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String location = parameter(context, "location").orElse(this.defaultLocation);
		boolean required = parameter(context, "required").map(Boolean::parseBoolean)
			.orElse(System.getenv("CI") != null);
		if (required) {
			return ConditionEvaluationResult.enabled(this.service + " is required here (CI)");
		}
		if (this.present.test(location)) {
			return ConditionEvaluationResult.enabled(this.service + " found at " + location);
		}
		return ConditionEvaluationResult.disabled(this.service + " not found at " + location + "; skipped outside CI");
	}

	private Optional<String> parameter(ExtensionContext context, String name) {
		return context.getConfigurationParameter("vsxi.test." + this.service + "." + name);
	}

}
