package app.vsxi.dashboard.access;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class InitialAdminTests {

	private final AppUserRepository users = mock(AppUserRepository.class);

	@Test
	void theFirstAdministratorMustReplaceTheConfiguredPasswordAtFirstLogin() {
		run("a-long-start-passphrase", new MockEnvironment());

		ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
		verify(this.users).save(saved.capture());
		assertThat(saved.getValue().admin()).isTrue();
		assertThat(saved.getValue().mustChangePassword()).isTrue();
	}

	@Test
	void aConfiguredPasswordThatBreaksThePasswordRulesStopsStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> run("admin", new MockEnvironment()))
			.withMessageContaining("vsxi.access.initial-admin.password");
		verify(this.users, never()).save(any());
	}

	@Test
	void aConfiguredPasswordFromTheLeakedListsStopsStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> run("password1234", new MockEnvironment()))
			.withMessageContaining("common and leaked passwords");
		verify(this.users, never()).save(any());
	}

	@Test
	void demoModeKeepsItsKnownLogin() {
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");

		run("admin", demo);

		ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
		verify(this.users).save(saved.capture());
		assertThat(saved.getValue().mustChangePassword()).isFalse();
	}

	private void run(String password, MockEnvironment environment) {
		AccessProperties properties = new AccessProperties(new AccessProperties.InitialAdmin("admin", password), 5,
				java.time.Duration.ofMinutes(15), 20, java.time.Duration.ofHours(12), "preferred_username",
				new AccessProperties.Metrics("prometheus", null), 12);
		new InitialAdmin(this.users, NoOpPasswordEncoder.getInstance(), properties, environment,
				new PasswordRules(new LeakedPasswords()))
			.run(new DefaultApplicationArguments());
	}

}
