package app.vsxi.dashboard.fleet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the migrations and repositories must do on every database the dashboard supports. */
abstract class FleetPersistenceContract {

	private static final String PASSWORD = "Pl41n-S3cret!";

	@Autowired
	SbcRepository sbcs;

	@Autowired
	AppUserRepository users;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	JdbcTemplate jdbc;

	final CredentialCipher cipher = new CredentialCipher(CredentialCipherTests.KEY, List.of());

	@Test
	void migrationsRanToTheLatestVersion() {
		Integer applied = this.jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE",
				Integer.class);
		assertThat(applied).isGreaterThanOrEqualTo(1);
	}

	@Test
	void anSbcIsStoredWithItsPasswordSealedNotPlain() {
		Sbc saved = this.sbcs.save(sbc("nyc-1", this.cipher.encrypt(PASSWORD)));

		String column = this.jdbc.queryForObject("SELECT password_cipher FROM sbc WHERE id = ?", String.class,
				saved.id());
		assertThat(column).isNotBlank().doesNotContain(PASSWORD);
		assertThat(this.cipher.decrypt(column)).isEqualTo(PASSWORD);
		assertThat(this.sbcs.findByName("nyc-1")).get().extracting(Sbc::baseUrl).isEqualTo("https://10.0.0.1:8888");
	}

	@Test
	void theHaStatusAlarmIsOffForAnSbcStoredWithoutItAndKeptOnceSwitchedOn() {
		Sbc saved = this.sbcs.save(sbc("ha-1", "k:x"));
		// a row written before the setting existed, as an older version of the dashboard wrote it
		this.jdbc.update("INSERT INTO sbc (name, base_url, username, password_cipher, group_id, created_at, updated_at) "
				+ "VALUES ('ha-old', 'https://10.0.0.2:8888', 'api', 'k:x', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				defaultGroup());

		assertThat(this.sbcs.findByName("ha-1")).get().extracting(Sbc::haStatusAlarm).isEqualTo(false);
		assertThat(this.sbcs.findByName("ha-old")).get().extracting(Sbc::haStatusAlarm).isEqualTo(false);
		this.sbcs.save(saved.toBuilder().haStatusAlarm(true).build());
		assertThat(this.sbcs.findById(saved.id())).get().extracting(Sbc::haStatusAlarm).isEqualTo(true);
		assertThat(this.jdbc.queryForObject("SELECT ha_status_alarm FROM sbc WHERE id = ?", Boolean.class, saved.id()))
			.isTrue();
	}

	@Test
	void sbcNamesAreUnique() {
		this.sbcs.save(sbc("dup", "k:x"));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.sbcs.save(sbc("dup", "k:y")));
	}

	@Test
	void sbcsAreListedByName() {
		this.sbcs.save(sbc("b-sbc", "k:x"));
		this.sbcs.save(sbc("a-sbc", "k:x"));

		assertThat(this.sbcs.findAllByOrderByNameAsc()).extracting(Sbc::name).containsSubsequence("a-sbc", "b-sbc");
	}

	@Test
	void usersAreFoundByName() {
		this.users.save(AppUser.create("noc-1", "$2a$12$hash", false, false));

		assertThat(this.users.findByUsername("noc-1")).get().extracting(AppUser::admin).isEqualTo(false);
		assertThat(this.users.findByUsername("nobody")).isEmpty();
	}

	private Long defaultGroup() {
		return this.groups.findByName("Default").orElseThrow().id();
	}

	private Sbc sbc(String name, String cipherText) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return Sbc.builder()
			.name(name)
			.baseUrl("https://10.0.0.1:8888")
			.username("api")
			.passwordCipher(cipherText)
			.siteLabel("NYC")
			.groupId(defaultGroup())
			.createdAt(now)
			.updatedAt(now)
			.build();
	}

}
