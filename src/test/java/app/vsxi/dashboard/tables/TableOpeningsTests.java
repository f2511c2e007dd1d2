package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A table opened in the background: rows counted as they arrive, then a draft; a failure said plainly. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class TableOpeningsTests {

	@Autowired
	TableOpenings openings;

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftAccess draftAccess;

	@Autowired
	FleetService fleet;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	MockMvc mvc;

	private long sbc(String name) {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals(name)).map(Sbc::id).findFirst()
			.orElseThrow();
	}

	private TableOpenings.Progress finished(long sbcId, String id) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofMinutes(1));
		TableOpenings.Progress progress = this.openings.find(sbcId, id).progress();
		while (progress.running() && Instant.now().isBefore(until)) {
			Thread.sleep(50);
			progress = this.openings.find(sbcId, id).progress();
		}
		assertThat(progress.running()).as("finished within a minute").isFalse();
		return progress;
	}

	@Test
	void aLargeDownloadCountsItsRowsAndEndsInADraftOfExactlyThoseRows() throws Exception {
		long sbcId = sbc("demo-sbc-1");

		TableOpenings.Download started = this.openings.start(sbcId, "route");

		TableOpenings.Progress opening = finished(sbcId, started.id());
		assertThat(opening.failure()).isNull();
		assertThat(opening.draftId()).isNotNull();
		assertThat(opening.rows()).isPositive();
		Draft draft = this.draftAccess.draft(sbcId, opening.draftId());
		assertThat(draft.baseRows()).isEqualTo((int) opening.rows());
		assertThat(draft.owner()).isEqualTo("admin");
		assertThatExceptionOfType(TableEditorException.class)
			.isThrownBy(() -> this.openings.find(sbc("demo-sbc-2"), started.id()));
	}

	@Test
	void theProgressPollOfAFinishedDownloadSendsTheBrowserToItsDraft() throws Exception {
		long sbcId = sbc("demo-sbc-3");
		TableOpenings.Download started = this.openings.start(sbcId, "resource");
		TableOpenings.Progress done = finished(sbcId, started.id());
		String draft = "/sbcs/" + sbcId + "/tables/drafts/" + done.draftId();

		this.mvc.perform(get("/sbcs/{id}/tables/openings/{o}/progress", sbcId, started.id()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Redirect", draft));
		this.mvc.perform(get("/sbcs/{id}/tables/openings/{o}", sbcId, started.id()))
			.andExpect(redirectedUrl(draft));
	}

	@Test
	void aFailedDownloadSaysWhyAndLeavesNoDraft() throws Exception {
		Sbc down = this.sbcs.save(Sbc.builder()
			.name("down-" + System.nanoTime())
			.baseUrl("https://127.0.0.1:1")
			.username("api")
			.passwordCipher(this.cipher.encrypt("pw"))
			.groupId(this.fleet.get(sbc("demo-sbc-1")).groupId())
			.build());
		int draftsBefore = this.draftOpening.overview(down.id()).drafts().size();

		TableOpenings.Progress opening = finished(down.id(), this.openings.start(down.id(), "route").id());

		assertThat(opening.draftId()).isNull();
		assertThat(opening.failure()).isNotBlank();
		assertThat(this.draftOpening.overview(down.id()).drafts()).hasSize(draftsBefore);
	}

}
