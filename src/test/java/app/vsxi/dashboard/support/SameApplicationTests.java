package app.vsxi.dashboard.support;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.BootstrapWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test classes run side by side, so a class that starts an application and forgot its lock would run beside
 * another class of the same application, sharing its database and boxes: every one carries the lock.
 */
class SameApplicationTests {

	@Test
	void everyTestClassThatStartsAnApplicationTakesItsApplicationsLock() {
		List<String> unlocked = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("app.vsxi.dashboard")
			.stream()
			.filter(test -> test.isMetaAnnotatedWith(BootstrapWith.class) && !test.isAnnotation())
			// the examples below
			.filter(test -> !test.getName().startsWith(SameApplicationTests.class.getName() + "$"))
			.filter(test -> !lockedBySameApplication(test))
			.map(JavaClass::getName)
			.sorted()
			.toList();

		assertThat(unlocked).isEmpty();
	}

	@Test
	void classesOfOneApplicationShareALockAndClassesOfTwoDoNot() {
		SameApplication locks = new SameApplication();

		assertThat(locks.provideForClass(OneApplication.class))
			.isEqualTo(locks.provideForClass(TheSameApplication.class))
			.isNotEqualTo(locks.provideForClass(AnotherApplication.class))
			.hasSize(1);
		assertThat(locks.provideForClass(SameApplicationTests.class)).isEmpty();
	}

	private static boolean lockedBySameApplication(JavaClass test) {
		return test.tryGetAnnotationOfType(ResourceLock.class)
			.map(lock -> Arrays.asList(lock.providers()).contains(SameApplication.class))
			.orElse(false);
	}

	@SpringBootTest(properties = "vsxi.example=one")
	static class OneApplication {

	}

	@SpringBootTest(properties = "vsxi.example=one")
	static class TheSameApplication {

	}

	@SpringBootTest(properties = "vsxi.example=two")
	static class AnotherApplication {

	}

}
