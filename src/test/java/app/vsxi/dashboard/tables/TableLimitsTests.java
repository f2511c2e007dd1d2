package app.vsxi.dashboard.tables;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What one signed-in user can do to everyone, capped: drafts per user and their expiry, imports (size, rows, depth,
 * field names) and page numbers, against the simulated demo boxes, the pages over real HTTP. Outside any test
 * transaction, since the audit is asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"vsxi.tables.drafts-per-user=2", "vsxi.tables.import-rows=5", "spring.servlet.multipart.max-file-size=64KB",
		"spring.servlet.multipart.max-request-size=64KB" })
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class TableLimitsTests {

	private static final String PASSWORD = "Limits-pass-1234";

	@LocalServerPort
	int port;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	UserDetailsService details;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	FleetService fleet;

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	TableApplier applier;

	@Autowired
	TableOpenings openings;

	@Autowired
	DraftExpiry expiry;

	@Autowired
	JdbcTemplate jdbc;

	private Sbc sbc;

	@BeforeEach
	void box() {
		this.sbc = DemoSbcs.named(this.fleet, "demo-sbc-1");
	}

	/** A user who may write every table of the SBC, users included (that needs the group's administrator). */
	private String writer(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		AppUser user = testUsers().user(name, this.encoder.encode(PASSWORD), false);
		testUsers().grant(user.id(), this.sbc.groupId(), Role.GROUP_ADMIN);
		return name;
	}

	/** Runs as the named user, as a request of theirs would. */
	private <T> T as(String name, Callable<T> work) throws Exception {
		UserDetails user = this.details.loadUserByUsername(name);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return work.call();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long usersDraft(String owner) throws Exception {
		return as(owner, () -> ((DraftOpening.Opened.Draft) this.draftOpening.open(this.sbc.id(), "users")).id());
	}

	@Test
	void theDraftAfterTheLastAllowedIsRefusedWithTheLimitAndWhatToDo() throws Exception {
		String owner = writer("capped");
		TableOpenings.Download first = as(owner, () -> this.openings.start(this.sbc.id(), "users"));
		as(owner, () -> this.openings.start(this.sbc.id(), "users"));

		assertThatThrownBy(() -> as(owner, () -> this.openings.start(this.sbc.id(), "users")))
			.isInstanceOf(TableEditorException.class)
			.hasMessage("You already have 2 drafts, the most one user may keep (vsxi.tables.drafts-per-user): "
					+ "apply or discard one before opening another");
		// someone else is not held back by this user's drafts
		as(writer("other"), () -> this.openings.start(this.sbc.id(), "users"));

		as(owner, () -> {
			this.draftOpening.discard(this.sbc.id(), this.openings.find(this.sbc.id(), first.id()).progress().draftId());
			return null;
		});
		assertThat(as(owner, () -> this.openings.start(this.sbc.id(), "users").progress().draftId())).isNotNull();
	}

	@Test
	void aDraftUntouchedLongerThanTheExpiryIsDeletedAndAuditedOnceAsExpiredBySystem() throws Exception {
		String owner = writer("idle");
		long old = usersDraft(owner);
		long recent = usersDraft(owner);
		this.jdbc.update("UPDATE table_draft SET updated_at = ? WHERE id = ?",
				Timestamp.from(Instant.now().minus(Duration.ofDays(8))), old);

		this.expiry.expire(Instant.now());
		this.expiry.expire(Instant.now());

		assertThat(this.jdbc.queryForList("SELECT id FROM table_draft WHERE owner = ?", Long.class, owner))
			.containsExactly(recent);
		List<Map<String, Object>> lines = this.jdbc.queryForList(
				"SELECT actor, outcome, target, detail FROM audit_event WHERE action = 'TABLE_DRAFT_EXPIRED' AND target = ?",
				"demo-sbc-1 users draft " + old);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).containsEntry("actor", "system").containsEntry("outcome", "SUCCESS");
		assertThat((String) lines.get(0).get("detail")).startsWith("draft of " + owner + " deleted: unchanged since ")
			.endsWith("longer than 7 days (vsxi.tables.draft-expiry)");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'TABLE_DRAFT_EXPIRED' AND target = ?", Integer.class,
				"demo-sbc-1 users draft " + recent)).isZero();
	}

	@Test
	void theApplyAuditLineNamesEveryOperatorWhoEditedTheDraft() throws Exception {
		String alice = writer("alice");
		String bob = writer("bob");
		long draft = as(alice,
				() -> ((DraftOpening.Opened.Draft) this.draftOpening.open(this.sbc.id(), "routetable")).id());
		List<DraftView.ViewRow> rows = as(alice, () -> this.draftOpening
			.page(this.sbc.id(), draft, new DraftView.Request(Map.of(), null, false, 0, 2)).page().rows());
		as(alice, () -> this.draftEdits.edit(this.sbc.id(), draft, rows.get(0).key(), "description", "by alice"));
		as(bob, () -> this.draftEdits.edit(this.sbc.id(), draft, rows.get(1).key(), "description", "by bob"));

		Object outcome = as(bob, () -> this.applier.apply(this.sbc.id(), draft, Map.of()));

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		String detail = this.jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'TABLE_APPLY' "
				+ "AND actor = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", String.class, bob);
		assertThat(detail).contains("; edited by " + alice + ", " + bob + ";");
	}

	@Test
	void anUploadOverTheLimitAnswers413WithTheLimit() throws Exception {
		Pages pages = new Pages(writer("big"));
		long draft = pages.usersDraft();
		byte[] big = ("username,password\r\n" + "someone,secret\r\n".repeat(6000)).getBytes(StandardCharsets.UTF_8);
		assertThat(big.length).isGreaterThan(64 * 1024);

		HttpResponse<String> answer = pages.importFile(draft, "big.csv", big);

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("The file is larger than 64KB, the most one upload may be");
		// far over the limit too (the container stops reading at some point): still the answer, not a cut connection
		byte[] huge = new byte[3 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) 'x');
		HttpResponse<String> far = pages.importFile(draft, "huge.csv", huge);
		assertThat(far.statusCode()).isEqualTo(413);
		assertThat(far.body()).contains("The file is larger than 64KB");
	}

	@Test
	void aFileOfMoreRowsThanAnImportTakesAnswers422WithTheLimit() throws Exception {
		Pages pages = new Pages(writer("rows"));
		long draft = pages.usersDraft();
		byte[] six = ("username,password\r\n" + "a,1\r\nb,2\r\nc,3\r\nd,4\r\ne,5\r\nf,6\r\n").getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> answer = pages.importFile(draft, "six.csv", six);

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("The file holds more than 5 rows, the most one import takes");
		assertThat(pages.get("/sbcs/" + this.sbc.id() + "/tables/drafts/" + draft).body()).doesNotContain("f,6");
		assertThat(this.jdbc.queryForObject("SELECT base_rows FROM table_draft WHERE id = ?", Integer.class, draft))
			.isZero();
	}

	@Test
	void aDeeplyNestedXmlAnswers422WithTheReason() throws Exception {
		Pages pages = new Pages(writer("deep"));
		long draft = pages.usersDraft();
		String xml = "<XBUserList><XBUser><username>u</username><x>" + "<a>".repeat(5000) + "1" + "</a>".repeat(5000)
				+ "</x></XBUser></XBUserList>";

		HttpResponse<String> answer = pages.importFile(draft, "deep.xml", xml.getBytes(StandardCharsets.UTF_8));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("The file cannot be read: entries nest deeper than 32 elements");
	}

	@Test
	void fieldNamesThatAreNoXmlNamesAreRefused() throws Exception {
		Pages pages = new Pages(writer("names"));
		long draft = pages.usersDraft();

		HttpResponse<String> csv = pages.importFile(draft, "names.csv",
				"username,pass word\r\nu,p\r\n".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> json = pages.importFile(draft, "names.json",
				"{\"XBUserList\":{\"XBUser\":[{\"username\":\"u\",\"<b>\":\"p\"}]}}".getBytes(StandardCharsets.UTF_8));

		assertThat(csv.statusCode()).isEqualTo(422);
		assertThat(csv.body()).contains("The file has a field named &quot;pass word&quot;, which cannot be an element name");
		assertThat(json.statusCode()).isEqualTo(422);
		assertThat(json.body()).contains("The file has a field named &quot;&lt;b&gt;&quot;");
		assertThat(this.jdbc.queryForObject("SELECT base_rows FROM table_draft WHERE id = ?", Integer.class, draft))
			.isZero();
	}

	@Test
	void aHugePageNumberShowsTheLastPage() throws Exception {
		String owner = writer("pages");
		Pages pages = new Pages(owner);
		long draft = as(owner, () -> ((DraftOpening.Opened.Draft) this.draftOpening.open(this.sbc.id(), "route")).id());
		int rows = this.jdbc.queryForObject("SELECT base_rows FROM table_draft WHERE id = ?", Integer.class, draft);
		int last = (rows + 49) / 50;
		assertThat(last).as("the demo box's routes fill more than one page").isGreaterThan(1);

		for (String page : List.of("99999999999", "2147483647", "2147483646", String.valueOf(last + 5))) {
			HttpResponse<String> answer = pages.get("/sbcs/" + this.sbc.id() + "/tables/drafts/" + draft + "?page=" + page);
			assertThat(answer.statusCode()).as("page=" + page).isEqualTo(200);
			assertThat(answer.body()).as("page=" + page).contains("page " + last + " of " + last);
			HttpResponse<String> part = pages.get("/sbcs/" + this.sbc.id() + "/tables/drafts/" + draft + "/rows?page=" + page);
			assertThat(part.statusCode()).as("rows, page=" + page).isEqualTo(200);
			assertThat(part.body()).as("rows, page=" + page).contains(firstRow(answer.body()));
		}
	}

	private static String firstRow(String page) {
		Matcher row = Pattern.compile("<tr id=\"row-[^\"]+\"").matcher(page);
		assertThat(row.find()).as("the page shows rows").isTrue();
		return row.group();
	}

	/** One operator's browser: signed in through the login form, cookies kept, redirects not followed. */
	private final class Pages {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Pages(String user) throws Exception {
			String token = csrf(get("/login").body());
			HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf=" + token)));
			assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/overview");
		}

		long usersDraft() throws Exception {
			String page = get("/sbcs/" + TableLimitsTests.this.sbc.id() + "/tables").body();
			String opening = send(HttpRequest.newBuilder(uri("/sbcs/" + TableLimitsTests.this.sbc.id() + "/tables/open"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("table=users&_csrf=" + csrf(page)))).headers()
				.firstValue("Location")
				.orElseThrow();
			String draft = get(URI.create(opening).getPath()).headers().firstValue("Location").orElseThrow();
			Matcher id = Pattern.compile("/drafts/(\\d+)").matcher(draft);
			assertThat(id.find()).as(draft).isTrue();
			return Long.parseLong(id.group(1));
		}

		/** The import form as a browser sends it: the file, then the form's hidden CSRF field. */
		HttpResponse<String> importFile(long draft, String name, byte[] content) throws Exception {
			String path = "/sbcs/" + TableLimitsTests.this.sbc.id() + "/tables/drafts/" + draft;
			String token = csrf(get(path).body());
			String boundary = "----limits" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
					+ "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(HttpRequest.newBuilder(uri(path + "/import"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(HttpRequest.newBuilder(uri(path)).GET());
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return this.http.send(request.header("Accept", "text/html").timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + TableLimitsTests.this.port + path);
		}

		private static String csrf(String page) {
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			assertThat(token.find()).as("the page carries a CSRF token").isTrue();
			return token.group(1);
		}

	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
