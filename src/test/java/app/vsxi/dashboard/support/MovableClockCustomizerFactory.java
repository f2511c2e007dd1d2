package app.vsxi.dashboard.support;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every application a test starts a {@link MovableClock} running with real time, as its primary
 * {@link Clock}, so a test of polls and alarms moves the clock by a poll interval instead of sleeping through it.
 * The same for every application, so it never makes two tests' applications differ. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class MovableClockCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
			if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
				RootBeanDefinition clock = new RootBeanDefinition(MovableClock.class, MovableClock::running);
				clock.setPrimary(true);
				registry.registerBeanDefinition("movableClock", clock);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
