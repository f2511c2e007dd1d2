package app.vsxi.dashboard.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Time as the database tells it, in milliseconds since the epoch, and the SQL that reads it within a statement.
 * Every instance compares lease ends with this one clock, so an instance whose own clock is off neither keeps an
 * SBC too long nor lets it go too early.
 */
@Component
public class DatabaseClock {

	private final JdbcTemplate jdbc;

	private final String now;

	private final String nextVersion;

	private final boolean postgres;

	public DatabaseClock(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		boolean postgres = product(dataSource).contains("postgres");
		this.postgres = postgres;
		// clock_timestamp(): the time of the statement, not of the transaction it belongs to
		this.now = postgres ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
				: "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
		this.nextVersion = postgres ? "nextval('sbc_poll_version')" : "NEXT VALUE FOR sbc_poll_version";
	}

	/** The SQL expression of the database's time in milliseconds. */
	public String nowSql() {
		return this.now;
	}

	/** The SQL expression that draws the next version of a published poll. */
	public String nextVersionSql() {
		return this.nextVersion;
	}

	/**
	 * Lets the current transaction commit without waiting for its flush to disk, where the database can (PostgreSQL):
	 * for writes whose loss in a crash costs nothing, such as a poll's outcome that the next poll replaces.
	 */
	public void commitWithoutWaitingForDisk() {
		if (this.postgres) {
			this.jdbc.execute("SET LOCAL synchronous_commit TO OFF");
		}
	}

	/** The database's time now, in milliseconds. */
	public long millis() {
		Long millis = this.jdbc.queryForObject("SELECT " + this.now, Long.class);
		if (millis == null) {
			throw new IllegalStateException("the database gave no time");
		}
		return millis;
	}

	private static String product(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database this is: " + ex.getMessage(), ex);
		}
	}

}
