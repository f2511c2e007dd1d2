package app.vsxi.dashboard.calls;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

/** Which registrations a delete's filter names: every given field equal, blank fields no condition. */
class RegistrationMatchTests {

	private static final TableRow ALICE = new TableRow(Map.of("id", "5", "username", "alice", "trunkID", "12",
			"userDomain", "example.net", "userIp", " 192.0.2.10 "));

	@Test
	void everyGivenFieldMustEqualTheRegistrations() {
		assertThat(RegistrationMatch.matches(ALICE, filter("username", "alice", "userDomain", "example.net"))).isTrue();
		assertThat(RegistrationMatch.matches(ALICE, filter("username", "alice", "userDomain", "example.org"))).isFalse();
	}

	@Test
	void aTrunkIsFoundUnderEitherSpelling() {
		assertThat(RegistrationMatch.matches(ALICE, filter("trunkId", "12"))).isTrue();
		assertThat(RegistrationMatch.matches(new TableRow(Map.of("trunkId", "7")), filter("trunkId", "7"))).isTrue();
		assertThat(RegistrationMatch.matches(ALICE, filter("trunkId", "7"))).isFalse();
	}

	@Test
	void blankFieldsAreNoConditionAndValuesAreComparedStripped() {
		assertThat(RegistrationMatch.matches(ALICE, filter("username", " ", "userIp", "192.0.2.10 "))).isTrue();
	}

	@Test
	void aFilterGivingNothingNamesNoRegistration() {
		assertThat(RegistrationMatch.matches(ALICE, filter("username", "", "userIp", "  "))).isFalse();
		assertThat(RegistrationMatch.matches(ALICE, Map.of())).isFalse();
	}

	private static Map<String, String> filter(String... pairs) {
		Map<String, String> filter = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			filter.put(pairs[i], pairs[i + 1]);
		}
		return filter;
	}

}
