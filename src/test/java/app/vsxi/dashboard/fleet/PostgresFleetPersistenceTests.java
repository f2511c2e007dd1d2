package app.vsxi.dashboard.fleet;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.support.RequiresPostgres;
import app.vsxi.dashboard.support.PostgresDatabase;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.dao.DataAccessException;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The migrations and repositories on PostgreSQL, the production database. */
@RequiresPostgres
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles({ "test", "postgres" })
@ResourceLock(providers = SameApplication.class)
class PostgresFleetPersistenceTests extends FleetPersistenceContract {

	private static PostgresDatabase database;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		database = new PostgresDatabase();
		database.register(registry);
	}

	// one statement per test: after a refused statement PostgreSQL refuses the rest of the transaction anyway
	@Test
	void auditEventsCannotBeChangedEvenWithSql() {
		insertAuditEvent();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE audit_event SET actor = 'y'"))
			.withMessageContaining("append-only");
	}

	@Test
	void auditEventsCannotBeRemovedEvenWithSql() {
		insertAuditEvent();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("DELETE FROM audit_event"))
			.withMessageContaining("append-only");
	}

	@Test
	void auditEventsCannotBeTruncatedEvenWithSql() {
		insertAuditEvent();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("TRUNCATE audit_event, audit_seal"))
			.withMessageContaining("append-only");
	}

	private void insertAuditEvent() {
		this.jdbc.update("INSERT INTO audit_event (at, actor, action, outcome) VALUES (CURRENT_TIMESTAMP, 'x', 'LOGIN', 'SUCCESS')");
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (database != null) {
			database.drop();
		}
	}

}
