package app.vsxi.dashboard.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.RowCodec;

class RowsAtRestTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));

	private final RowsAtRest atRest = new RowsAtRest(new CredentialCipher(KEY, List.of()));

	private static final TableRow SUBSCRIBER = new TableRow(Map.of("username", "alice", "userDomain", "example.net",
			"password", "Sip-Secret-42"));

	@Test
	void tablesWithPasswordsAreSealedAndOthersAreNot() {
		assertThat(RowsAtRest.sealed("subscriber")).isTrue();
		assertThat(RowsAtRest.sealed("users")).isTrue();
		assertThat(RowsAtRest.sealed("route")).isFalse();
		assertThat(RowsAtRest.sealed("no-such-table")).isFalse();
	}

	@Test
	void aRouteBaseIsStoredAsPackedWithoutACipher() {
		byte[] packed = RowCodec.pack(List.of(new TableRow(Map.of("alias", "r1")))).data();

		assertThat(this.atRest.store("route", packed)).isSameAs(packed);
	}

	@Test
	void aSubscriberBaseIsStoredWithoutItsPasswordAndOpensToTheSameRows() {
		byte[] packed = RowCodec.pack(List.of(SUBSCRIBER)).data();

		byte[] stored = this.atRest.store("subscriber", packed);

		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("VSXSEAL1").doesNotContain("alice");
		assertThat(this.atRest.open(stored)).isEqualTo(packed);
		List<TableRow> rows = new ArrayList<>();
		RowCodec.read(this.atRest.open(new ByteArrayInputStream(stored)), rows::add);
		assertThat(rows).containsExactly(SUBSCRIBER);
	}

	@Test
	void aBaseStoredBeforeSealingStillReads() {
		byte[] packed = RowCodec.pack(List.of(SUBSCRIBER)).data();

		assertThat(this.atRest.open(packed)).isSameAs(packed);
		List<TableRow> rows = new ArrayList<>();
		RowCodec.read(this.atRest.open(new ByteArrayInputStream(packed)), rows::add);
		assertThat(rows).containsExactly(SUBSCRIBER);
	}

	@Test
	void aSubscriberEditIsStoredSealedAndARouteEditAsItsJson() {
		String json = RowCodec.toJson(SUBSCRIBER);

		String stored = this.atRest.storeRow("subscriber", json);

		assertThat(stored).doesNotContain("Sip-Secret-42").doesNotStartWith("{");
		assertThat(this.atRest.openRow(stored)).isEqualTo(json);
		assertThat(this.atRest.storeRow("route", "{\"alias\":\"r1\"}")).isEqualTo("{\"alias\":\"r1\"}");
		assertThat(this.atRest.openRow("{\"alias\":\"r1\"}")).isEqualTo("{\"alias\":\"r1\"}");
		assertThat(this.atRest.storeRow("subscriber", null)).isNull();
		assertThat(this.atRest.openRow(null)).isNull();
	}

	@Test
	void whatAnotherKeySealedDoesNotOpen() {
		byte[] stored = new RowsAtRest(new CredentialCipher(OTHER_KEY, List.of())).store("subscriber",
				RowCodec.pack(List.of(SUBSCRIBER)).data());

		assertThatThrownBy(() -> this.atRest.open(stored)).isInstanceOf(IllegalStateException.class);
		assertThat(new RowsAtRest(new CredentialCipher(KEY, List.of(OTHER_KEY))).open(stored))
			.as("a key being rotated out still opens it")
			.isEqualTo(RowCodec.pack(List.of(SUBSCRIBER)).data());
	}

}
