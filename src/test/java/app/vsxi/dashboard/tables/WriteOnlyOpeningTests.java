package app.vsxi.dashboard.tables;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SlavePairing;

import org.springframework.security.access.AccessDeniedException;
import app.vsxi.dashboard.tables.engine.WriteAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Opening a table the API cannot read asks the box nothing; users, the box's own accounts, is for the group's
 * administrators only.
 */
class WriteOnlyOpeningTests {

	private final FleetService fleet = mock(FleetService.class);

	private final TableDownloads downloads = mock(TableDownloads.class);

	private final DraftRepository drafts = mock(DraftRepository.class);

	private final AccessService access = mock(AccessService.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final DraftOpening editor = new DraftOpening(this.fleet, this.downloads, this.drafts,
			new OpenDrafts(this.drafts,
					new TablesProperties(1000, 5000, 20, 4, 50, 2, 3, 20, java.time.Duration.ofDays(7), 100000)),
			new DraftAccess(this.fleet, this.drafts, this.access, this.audit, new SlavePairing(this.fleet)), this.audit);

	private void fixture() {
		Sbc sbc = Sbc.builder().id(7L).name("sbc-7").baseUrl("https://127.0.0.1:1").username("api").groupId(1L).build();
		when(this.fleet.get(7L)).thenReturn(sbc);
	}

	@Test
	void usersIsOnlyWrittenSoItsTableKnowsIt() {
		assertThat(EditableTable.USERS.readable()).isFalse();
		assertThat(EditableTable.USERS.writeOnly()).isTrue();
		assertThat(EditableTable.USERS.keyFields()).containsExactly("username");
		assertThat(EditableTable.USERS.writeActions()).containsExactlyInAnyOrder(WriteAction.UPDATE, WriteAction.DELETE);
		assertThat(EditableTable.ROUTE.writeOnly()).isFalse();
		assertThat(EditableTable.MEDIA_SERVER.writeOnly()).as("read-only is not write-only").isFalse();
	}

	@Test
	void openingUsersCreatesAnEmptyDraftWithoutADownload() {
		fixture();
		when(this.access.canOnSbc("ADMINISTER", 7L)).thenReturn(true);
		when(this.drafts.create(eq(7L), eq("users"), eq("XBUserList"), eq("XBUser"), anyString(), any(), isNull()))
			.thenReturn(42L);

		DraftOpening.Opened opened = this.editor.open(7L, "users");

		assertThat(opened).isEqualTo(new DraftOpening.Opened.Draft(42L));
		verifyNoInteractions(this.downloads);
		verify(this.fleet, never()).endpoint(any());
		verify(this.drafts).create(eq(7L), eq("users"), eq("XBUserList"), eq("XBUser"), anyString(),
				org.mockito.ArgumentMatchers.argThat(base -> base.rows() == 0), isNull());
	}

	@Test
	void anOperatorWhoDoesNotAdministerTheGroupMayNotOpenUsersAndIsAuditedOnce() {
		fixture();
		when(this.access.canOnSbc("OPERATE", 7L)).thenReturn(true);
		when(this.access.canOnSbc("ADMINISTER", 7L)).thenReturn(false);

		assertThatThrownBy(() -> this.editor.open(7L, "users")).isInstanceOf(AccessDeniedException.class);

		verify(this.audit).record(eq(AuditAction.ACCESS_DENIED), eq("sbc-7 users"), eq(1L), eq(AuditOutcome.DENIED),
				anyString());

		verifyNoInteractions(this.downloads);
		verify(this.drafts, never()).create(anyLong(), anyString(), anyString(), anyString(), anyString(), any(),
				any());
	}

}
