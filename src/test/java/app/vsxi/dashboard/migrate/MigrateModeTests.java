package app.vsxi.dashboard.migrate;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.audit.AuditChain;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's one-shot migration step: the migrations and nothing of the dashboard, not even its keys. */
class MigrateModeTests {

	@Test
	void theMigrateProfileRunsEveryMigrationAndStartsNoneOfTheDashboard() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VsxiDashboardApplication.class)
			.profiles("migrate")
			// arguments, not default properties: application.properties names the demo's file, which default
			// properties would not override, and this test must not migrate a developer's demo database
			.run("--spring.datasource.url=jdbc:h2:mem:migrate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--spring.datasource.username=sa", "--spring.datasource.password=")) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

			assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"",
					String.class)).contains("1", "5", "53");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal", Integer.class)).isZero();
			// no credential key, chain key or web server was needed: none of the dashboard started
			assertThat(context.getBeanNamesForType(AuditChain.class)).isEmpty();
			assertThat(context.getBeanNamesForType(VsxiDashboardApplication.class)).isEmpty();
		}
	}

}
