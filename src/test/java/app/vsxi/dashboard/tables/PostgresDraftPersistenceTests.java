package app.vsxi.dashboard.tables;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.support.PostgresDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Drafts and snapshots on PostgreSQL, the production database (bytea and text where H2 has BLOB and CLOB). */
@RequiresPostgres
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles({ "test", "postgres" })
@Import({ DraftRepository.class, DraftPersistenceContract.Sealing.class })
@ResourceLock(providers = SameApplication.class)
class PostgresDraftPersistenceTests extends DraftPersistenceContract {

	private static PostgresDatabase database;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		database = new PostgresDatabase();
		database.register(registry);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (database != null) {
			database.drop();
		}
	}

}
