package app.vsxi.dashboard.calls;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

/** Just before a confirmed kill or delete is sent, only what is still the same call or registration goes. */
class RemovalChecksTests {

	@Test
	void aCallStillListedWithItsSlotAndCallIdGoesAndTheOthersAreNamedAsEndedOnTheirOwn() {
		TableRow same = call("11", "a@x", "60");
		TableRow slotTaken = call("12", "b@x", "50");
		TableRow ended = call("13", "c@x", "40");

		KillCheck check = KillCheck.of(List.of(same, slotTaken, ended),
				List.of(call("11", "a@x", "75"), call("12", "new@x", "1"), call("14", "d@x", "9")));

		assertThat(check.live()).containsExactly(call("11", "a@x", "75"));
		assertThat(check.notes()).containsExactly(
				"The call in slot 12 (Call-ID b@x) ended on its own before the kill was sent; its slot now holds another "
						+ "call (Call-ID new@x), which was left alone.",
				"The call in slot 13 (Call-ID c@x) ended on its own before the kill was sent; nothing was sent for it.");
	}

	@Test
	void aRegistrationGoesOnlyWhileItsIdIsListedForTheSameUser() {
		TableRow kept = registration("5", "alice");
		TableRow reused = registration("6", "bob");
		TableRow lapsed = registration("7", "carol");

		RegistrationCheck check = RegistrationCheck.of(List.of(kept, reused, lapsed),
				List.of(registration("5", "alice"), registration("6", "mallory"), registration("8", "dave")));

		assertThat(check.live()).containsExactly("5");
		assertThat(check.listedIds()).containsExactlyInAnyOrder("5", "6", "8");
		assertThat(check.notes()).containsExactly("Registration id 6 now names another user (mallory), so it was left alone.",
				"Registration id 7 (carol) was no longer listed just before sending (it expired or was removed "
						+ "meanwhile); nothing was sent for it.");
	}

	private static TableRow call(String slot, String callId, String duration) {
		return new TableRow(Map.of("ssm_index", slot, "callID", callId, "duration", duration));
	}

	private static TableRow registration(String id, String username) {
		return new TableRow(Map.of("id", id, "username", username));
	}

}
