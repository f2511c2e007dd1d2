package app.vsxi.dashboard.support;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import app.vsxi.dashboard.fleet.CredentialCipher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/** A database of its own for a plain unit test, with the dashboard's migrations applied: H2 in memory. */
public record MigratedDatabase(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions) {

	public static MigratedDatabase h2() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
		return new MigratedDatabase(dataSource, new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
	}

	/** A schema of its own on the PostgreSQL server on loopback; {@link #drop()} it afterwards. */
	public static MigratedDatabase postgres() {
		String url = System.getenv().getOrDefault("VSXI_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = System.getenv().getOrDefault("VSXI_TEST_POSTGRES_USER", "postgres");
		String schema = "vsxi_ut_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url + "?currentSchema=" + schema, user, "");
		Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
			.locations("classpath:db/migration/postgresql").load().migrate();
		return new MigratedDatabase(dataSource, new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
	}

	/** Drops a PostgreSQL schema made by {@link #postgres()}; nothing for H2, which goes with the JVM. */
	public void drop() {
		String schema = this.jdbc.queryForObject("SELECT CURRENT_SCHEMA()", String.class);
		if (schema != null && schema.startsWith("vsxi_ut_")) {
			this.jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
		}
	}

	/** A user who logs in with {@code password} at once, with no change of it asked first. */
	public void addUser(String username, String password, boolean admin) {
		this.jdbc.update("INSERT INTO app_user (username, password_hash, enabled, admin, created_at, must_change_password) "
				+ "VALUES (?, ?, TRUE, ?, CURRENT_TIMESTAMP, FALSE)", username,
				new BCryptPasswordEncoder(4).encode(password), admin);
	}

	/**
	 * Registers a running simulated box as {@code FleetService.register} does, its password sealed under
	 * {@link DashboardProcess#CREDENTIAL_KEY} and its certificate pinned; returns its id.
	 */
	public long registerBox(String name, String baseUrl, String fingerprint) {
		String sealed = new CredentialCipher(DashboardProcess.CREDENTIAL_KEY, List.of()).encrypt("admin");
		this.jdbc.update("INSERT INTO sbc (name, base_url, username, password_cipher, site_label, group_id, "
				+ "certificate_fingerprint, trust, created_at, updated_at) SELECT ?, ?, 'admin', ?, 'Lab', MIN(id), ?, "
				+ "'PINNED_CERTIFICATE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM sbc_group", name, baseUrl, sealed,
				fingerprint);
		Long id = this.jdbc.queryForObject("SELECT id FROM sbc WHERE name = ?", Long.class, name);
		return id == null ? -1 : id;
	}

	/** The JDBC address of this database, schema included. */
	public String url() {
		return ((DriverManagerDataSource) this.dataSource).getUrl();
	}

	/** Adds an SBC row (the leases and published polls refer to it) and returns its id. */
	public long addSbc(String name) {
		this.jdbc.update("INSERT INTO sbc (name, base_url, username, password_cipher, group_id, created_at, updated_at) "
				+ "SELECT ?, 'https://127.0.0.1:1', 'admin', 'sealed', MIN(id), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP "
				+ "FROM sbc_group", name);
		Long id = this.jdbc.queryForObject("SELECT id FROM sbc WHERE name = ?", Long.class, name);
		return id == null ? -1 : id;
	}

}
