package app.vsxi.dashboard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server these machines run on loopback (trust auth). Each test class gets a schema of its own,
 * dropped afterwards. CI must have the server; elsewhere classes marked {@link RequiresPostgres} are skipped
 * when it is absent.
 */
public final class PostgresDatabase {

	private static final String URL = System.getenv().getOrDefault("VSXI_TEST_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/test");

	private static final String USER = System.getenv().getOrDefault("VSXI_TEST_POSTGRES_USER", "postgres");

	private final String schema = "vsxi_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + this.schema);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> this.schema);
		registry.add("spring.flyway.default-schema", () -> this.schema);
	}

	public void drop() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
	}

	private static boolean reachable(String url) {
		try (Connection connection = DriverManager.getConnection(url, USER, "")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** The condition behind {@link RequiresPostgres}. */
	static final class Reachable extends ExternalService {

		Reachable() {
			super("postgres", URL, PostgresDatabase::reachable);
		}

	}

}
