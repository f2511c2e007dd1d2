package app.vsxi.dashboard.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableRow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;

import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export and those browsing the same draft do not wait for each other: the export never takes the lock the
 * draft's page is computed under, and a page is served while a download waits on a slow browser.
 */
@SpringBootTest
// unused here, but the same set-up as the other demo tests lets this class share their application
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class DraftExportConcurrencyTests {

	private static final int ROWS = 20_000;

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	DraftFiles draftFiles;

	@Autowired
	OpenDrafts openDrafts;

	@Autowired
	DraftRepository drafts;

	@Autowired
	FleetService fleet;

	private ExecutorService background;

	private long sbcId;

	private long draftId;

	@BeforeEach
	void draftOfTwentyThousandRoutes() {
		// run as the test's user, whose rights the service checks
		this.background = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(2));
		this.sbcId = this.fleet.visible().get(0).id();
		List<TableRow> rows = IntStream.range(0, ROWS).mapToObj(i -> route("r" + i, "1", String.valueOf(i))).toList();
		this.draftId = this.drafts.create(this.sbcId, "route", "XBRouteList", "XBRoute", "admin", RowCodec.pack(rows),
				null);
		this.draftEdits.edit(this.sbcId, this.draftId, new RowKey(List.of("r1", "1"), 0), "digitMatch", "edited");
	}

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.drafts.delete(this.draftId);
	}

	/** The draft's page as browsing holds it, opened by a first page view. */
	private DraftView openView() {
		this.draftOpening.page(this.sbcId, this.draftId, new DraftView.Request(Map.of(), null, false, 0, 50));
		Map<?, ?> open = (Map<?, ?>) ReflectionTestUtils.getField((Object) AopTestUtils.getTargetObject(this.openDrafts), "open");
		return (DraftView) open.get(this.draftId);
	}

	@Test
	void anExportRunsWhileThePageOfTheDraftIsBeingComputed() throws Exception {
		DraftView view = openView();
		String csv;
		// as a long page computation would, hold the page's lock for the whole export
		synchronized (view) {
			Future<String> export = this.background.submit(() -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				this.draftFiles.export(this.sbcId, this.draftId, Format.CSV, Map.of("alias", "r1"), out);
				return out.toString(StandardCharsets.UTF_8);
			});
			csv = export.get(30, TimeUnit.SECONDS);
		}
		// r1, r10–r19, r100–r199, r1000–r1999 and r10000–r19999
		assertThat(csv.split("\r\n")).hasSize(1 + 11_111);
		assertThat(csv).startsWith("alias,tableId,digitMatch,policy\r\nr1,1,edited,top_down\r\nr10,1,10,top_down\r\n")
			.endsWith("\r\nr19999,1,19999,top_down\r\n");
	}

	@Test
	void aPageIsServedWhileAnExportWaitsOnASlowDownload() throws Exception {
		openView();
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch goOn = new CountDownLatch(1);
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		OutputStream slowBrowser = new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				writing.countDown();
				try {
					goOn.await();
				}
				catch (InterruptedException ex) {
					throw new InterruptedIOException();
				}
				received.write(bytes, offset, length);
			}
		};
		Future<?> export = this.background
			.submit(() -> this.draftFiles.export(this.sbcId, this.draftId, Format.CSV, Map.of(), slowBrowser));
		assertThat(writing.await(30, TimeUnit.SECONDS)).as("the export started writing").isTrue();

		Future<DraftView.Page> page = this.background.submit(() -> this.draftOpening
			.page(this.sbcId, this.draftId, new DraftView.Request(Map.of("digitMatch", "1999"), null, false, 0, 50))
			.page());
		DraftView.Page shown = page.get(30, TimeUnit.SECONDS);
		assertThat(export).isNotDone();
		assertThat(shown.rows()).extracting(row -> row.row().text("alias")).containsExactly("r1999", "r11999",
				"r19990", "r19991", "r19992", "r19993", "r19994", "r19995", "r19996", "r19997", "r19998", "r19999");

		goOn.countDown();
		export.get(30, TimeUnit.SECONDS);
		String csv = received.toString(StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).hasSize(1 + ROWS);
		assertThat(csv).contains("\r\nr0,1,0,top_down\r\nr1,1,edited,top_down\r\nr2,1,2,top_down\r\n");
	}

}
