package app.vsxi.dashboard.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.BootstrapWith;

/**
 * Starts the kinds of test class that take longest first, so that with classes running side by side the build
 * does not end on one long class alone: real-browser tests and the classes marked {@link StartEarly}, then tests
 * that start an application, then the rest, each kind in name order.
 */
public final class LongestFirst implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		context.getClassDescriptors()
			.sort(Comparator.comparingInt(LongestFirst::kind)
				.thenComparing(descriptor -> descriptor.getTestClass().getName()));
	}

	private static int kind(ClassDescriptor descriptor) {
		Class<?> test = descriptor.getTestClass();
		if (descriptor.isAnnotated(RequiresBrowser.class) || descriptor.isAnnotated(StartEarly.class)) {
			return 0;
		}
		return AnnotatedElementUtils.hasAnnotation(test, BootstrapWith.class) ? 1 : 2;
	}

}
