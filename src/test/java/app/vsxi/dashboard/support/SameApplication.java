package app.vsxi.dashboard.support;

import org.junit.jupiter.api.parallel.ResourceLock;
import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The tests run side by side, but never two test classes of the same application at once: they share its
 * database, its demo boxes and its poller, and each expects to have them to itself while it runs. The lock is the
 * application's cache key, so classes of different applications run beside each other. Put on every test class
 * that starts an application ({@code @SpringBootTest}, {@code @WebMvcTest}) as
 * {@code @ResourceLock(providers = SameApplication.class)}.
 */
@ResourceLock(providers = SameApplication.class)
public final class SameApplication implements ResourceLocksProvider {

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		if (!AnnotatedElementUtils.hasAnnotation(testClass, BootstrapWith.class)) {
			return Set.of();
		}
		MergedContextConfiguration application = BootstrapUtils.resolveTestContextBootstrapper(testClass)
			.buildMergedContextConfiguration();
		// equal configurations are one cached application; unequal ones that share a hash only take turns
		return Set.of(new Lock("application-" + Integer.toHexString(application.hashCode())));
	}

}
