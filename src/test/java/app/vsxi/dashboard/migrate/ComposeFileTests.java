package app.vsxi.dashboard.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/compose.yaml, read as text (Docker itself does not run here): the running dashboard never gets the
 * database owner's password; a one-shot migrate service does, and the dashboard waits for it to succeed.
 */
class ComposeFileTests {

	private static final String OWNER_PASSWORD = "VSXI_DB_OWNER_PASSWORD";

	private final Map<String, Object> services = services();

	@Test
	void theDashboardServiceIsNotGivenTheDatabaseOwnersPassword() {
		Map<String, Object> dashboard = map(this.services.get("dashboard"));
		Map<String, Object> environment = map(dashboard.get("environment"));

		assertThat(new Yaml().dump(dashboard)).doesNotContain(OWNER_PASSWORD).doesNotContain("vsxi_owner");
		assertThat(environment).doesNotContainKeys("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
		assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("vsxi_app");
		assertThat(environment.get("SPRING_FLYWAY_ENABLED")).isEqualTo("false");
	}

	@Test
	void aOneShotMigrateServiceRunsTheMigrationsAsTheOwnerAndTheDashboardWaitsForItsSuccess() {
		Map<String, Object> migrate = map(this.services.get("migrate"));
		Map<String, Object> environment = map(migrate.get("environment"));

		assertThat(String.valueOf(environment.get("SPRING_PROFILES_ACTIVE")).split(",")).contains("migrate");
		assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("vsxi_owner");
		assertThat(String.valueOf(environment.get("SPRING_DATASOURCE_PASSWORD"))).contains(OWNER_PASSWORD);
		assertThat(migrate).doesNotContainKey("ports");

		Map<String, Object> waitsFor = map(map(this.services.get("dashboard")).get("depends_on"));
		assertThat(map(waitsFor.get("migrate"))).containsEntry("condition", "service_completed_successfully");
	}

	@Test
	void theDashboardIsGivenTheAuditChainKey() {
		Map<String, Object> environment = map(map(this.services.get("dashboard")).get("environment"));

		assertThat(String.valueOf(environment.get("VSXI_AUDIT_CHAINKEY"))).startsWith("${VSXI_AUDIT_CHAINKEY:?");
	}

	private static Map<String, Object> services() {
		try {
			Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker", "compose.yaml")));
			return map(compose.get("services"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

}
