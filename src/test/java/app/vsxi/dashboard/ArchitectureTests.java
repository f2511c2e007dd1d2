package app.vsxi.dashboard;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.StartEarly;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The fences of the architecture, read from the compiled product: features depend on each other one way only,
 * and the product never knows the simulator, which only demo mode bridges.
 */
@StartEarly
class ArchitectureTests {

	private static JavaClasses product;

	@BeforeAll
	static void readTheProduct() {
		product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("app.vsxi.dashboard");
	}

	@Test
	void noTwoFeaturesDependOnEachOther() {
		slices().matching("app.vsxi.dashboard.(*)..").should().beFreeOfCycles().check(product);
	}

	@Test
	void monitoringKnowsTheAlarmsOnlyThroughWhatItOwns() {
		noClasses().that().resideInAPackage("app.vsxi.dashboard.monitoring")
			.should().dependOnClassesThat().resideInAPackage("app.vsxi.dashboard.monitoring.alarms..")
			.check(product);
	}

	@Test
	void theTableEngineKnowsNoSpring() {
		noClasses().that().resideInAPackage("app.vsxi.dashboard.tables.engine..")
			.should().dependOnClassesThat().resideInAPackage("org.springframework..")
			.check(product);
	}

	@Test
	void theTableEngineNeverReachesBackIntoTheEditor() {
		noClasses().that().resideInAPackage("app.vsxi.dashboard.tables.engine..")
			.should().dependOnClassesThat().resideInAPackage("app.vsxi.dashboard.tables")
			.check(product);
	}

	@Test
	void noProductClassKnowsTheSimulator() {
		noClasses().that().resideOutsideOfPackages("app.vsxi.dashboard.simulator..", "app.vsxi.dashboard.demo..")
			.should().dependOnClassesThat().resideInAPackage("app.vsxi.dashboard.simulator..")
			.check(product);
	}

}
