package app.vsxi.dashboard.monitoring;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.support.RequiresPostgres;
import app.vsxi.dashboard.support.PostgresDatabase;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles({ "test", "postgres" })
@ResourceLock(providers = SameApplication.class)
class PostgresStateHistoryTests extends StateHistoryContract {

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
