package app.vsxi.dashboard.tables;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.tables.engine.FieldChange;
import app.vsxi.dashboard.tables.engine.RowChange;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.TableDiff;

/** Which fields are secret, how they are masked and how the box's account passwords are sealed and opened. */
class SecretFieldsTests {

	private final SealedRows sealed = new SealedRows(
			new CredentialCipher(Base64.getEncoder().encodeToString(new byte[32]), List.of()));

	@Test
	void theCatalogMarksTheSipAndAccountPasswordsSecret() {
		assertThat(SecretFields.secret(EditableTable.SUBSCRIBER, "password")).isTrue();
		assertThat(SecretFields.secret(EditableTable.SUBSCRIBER, "username")).isFalse();
		assertThat(SecretFields.secret(EditableTable.USERS, "password")).isTrue();
		assertThat(SecretFields.secret(EditableTable.USERS, "confirmPassword")).as("any password of an account").isTrue();
		assertThat(SecretFields.any(EditableTable.ROUTE)).isFalse();
	}

	@Test
	void aSetPasswordIsMaskedAnEmptyOneStaysEmptyAndNothingElseChanges() {
		TableRow masked = SecretFields.mask(EditableTable.SUBSCRIBER, row("username", "2125550001", "password", "s3cret"));
		TableRow empty = SecretFields.mask(EditableTable.SUBSCRIBER, row("username", "2125550002", "password", ""));

		assertThat(masked).isEqualTo(row("username", "2125550001", "password", "password set"));
		assertThat(empty).isEqualTo(row("username", "2125550002", "password", ""));
		assertThat(SecretFields.drop(EditableTable.SUBSCRIBER, row("username", "2125550001", "password", "s3cret")))
			.isEqualTo(row("username", "2125550001"));
	}

	@Test
	void filtersAndSortingOnASecretFieldAreDropped() {
		DraftView.Request blind = SecretFields.blind(EditableTable.SUBSCRIBER,
				new DraftView.Request(Map.of("password", "s3", "alias", "ext"), "password", true, 2, 50));

		assertThat(blind.filters()).containsExactly(Map.entry("alias", "ext"));
		assertThat(blind.sort()).isNull();
		assertThat(blind.page()).isEqualTo(2);
	}

	@Test
	void aChangedPasswordInADiffReadsAsANewOne() {
		RowKey key = new RowKey(List.of("2125550001", "example.net"), 0);
		TableDiff diff = new TableDiff(List.of(), List.of(), List.of(new RowChange.Changed(key,
				row("username", "2125550001", "password", "old"), row("username", "2125550001", "password", "new"),
				List.of(new FieldChange("password", "old", "new", true, true)))), false, List.of(), List.of());

		RowChange.Changed masked = SecretFields.mask(EditableTable.SUBSCRIBER, diff).changed().get(0);

		assertThat(masked.fields().get(0).beforeText()).isEqualTo("password set");
		assertThat(masked.fields().get(0).afterText()).isEqualTo("new password set");
		assertThat(masked.after().get("password")).isEqualTo("password set");
	}

	@Test
	void accountPasswordsAreSealedAndOpenedOnlyForTheBox() {
		TableRow imported = row("username", "noc-ann", "password", "Ann-pass-1", "role", "readOnly");

		TableRow stored = this.sealed.seal(EditableTable.USERS, imported);

		assertThat(stored.text("password")).startsWith(SealedRows.PREFIX).doesNotContain("Ann-pass-1");
		assertThat(stored.text("username")).isEqualTo("noc-ann");
		assertThat(this.sealed.unseal(EditableTable.USERS, stored)).isEqualTo(imported);
		assertThat(this.sealed.seal(EditableTable.SUBSCRIBER, imported)).as("only the box's accounts are sealed")
			.isEqualTo(imported);
	}

	@Test
	void anImportedValueThatLooksSealedIsSealedAnywayAndComesBackAsItCame() {
		TableRow imported = row("username", "noc-ann", "password", SealedRows.PREFIX + "not-really");

		TableRow stored = this.sealed.seal(EditableTable.USERS, imported);

		assertThat(stored.text("password")).isNotEqualTo(SealedRows.PREFIX + "not-really");
		assertThat(this.sealed.unseal(EditableTable.USERS, stored)).isEqualTo(imported);
	}

	@Test
	void whatTheBoxAnswersAboutSentAccountsHasTheirPasswordsBlottedOut() {
		TableRow stored = this.sealed.seal(EditableTable.USERS,
				row("username", "noc-ann", "password", "Ann-pass-1", "description", "night"));

		java.util.Set<String> sent = this.sealed.opened(EditableTable.USERS, List.of(stored));

		assertThat(sent).containsExactly("Ann-pass-1");
		assertThat(SealedRows.blot("entry 1: password Ann-pass-1 is too weak for noc-ann", sent))
			.isEqualTo("entry 1: password (password) is too weak for noc-ann");
	}

	private static TableRow row(String... fields) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		return new TableRow(values);
	}

}
