package app.vsxi.dashboard.access;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PasswordConfirmationTests {

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	private final AccessService access = mock(AccessService.class);

	private final AppUserRepository users = mock(AppUserRepository.class);

	private final PasswordConfirmation confirmation = new PasswordConfirmation(this.access, this.users, this.encoder,
			mock(LoginAttempts.class));

	private void loggedInAs(AppUser user) {
		when(this.access.currentUserId()).thenReturn(Optional.of(7L));
		when(this.users.findById(7L)).thenReturn(Optional.of(user));
	}

	@Test
	void theUsersOwnPasswordConfirmsAndAnyOtherDoesNot() {
		loggedInAs(AppUser.create("alice", this.encoder.encode("alice-password-1"), false, false));

		assertThat(this.confirmation.problem("alice-password-1")).isEmpty();
		assertThat(this.confirmation.problem("alice-password-2")).hasValueSatisfying(
				reason -> assertThat(reason).contains("not your password"));
		assertThat(this.confirmation.problem("")).isPresent();
		assertThat(this.confirmation.problem(null)).isPresent();
	}

	@Test
	void aSingleSignOnAccountHasNoPasswordAndIsToldSo() {
		loggedInAs(AppUser.create("bob", null, false, false));

		assertThat(this.confirmation.problem("anything")).hasValueSatisfying(
				reason -> assertThat(reason).contains("single sign-on"));
	}

	@Test
	void nobodyLoggedInConfirmsNothing() {
		when(this.access.currentUserId()).thenReturn(Optional.empty());

		assertThat(this.confirmation.problem("x")).isPresent();
	}

}
