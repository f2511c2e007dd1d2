package app.vsxi.dashboard.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import app.vsxi.dashboard.simulator.RequestTiming;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.DashboardProcess;
import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;
import app.vsxi.dashboard.support.SimulatedBox;
import app.vsxi.dashboard.support.WebUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dashboard instances in JVMs of their own on one PostgreSQL, in front of simulated boxes in this JVM, all on
 * loopback: each box is asked once per interval, a session and a kill confirmation carry from one instance to the
 * other, an alarm is raised once and acknowledged from either, and when one instance dies hard the other polls its
 * SBCs within two poll intervals plus the lease.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTests {

	private static final long INTERVAL_MILLIS = 2_000;

	private static final long LEASE_MILLIS = 4_000;

	/** What the issue allows for a failed instance's SBCs to be polled again. */
	private static final long BOUND_MILLIS = 2 * INTERVAL_MILLIS + LEASE_MILLIS;

	private static final String PASSWORD = "two-instances-test";

	private final List<SimulatedVsxi> boxes = new ArrayList<>();

	private final Map<String, Long> ids = new HashMap<>();

	private MigratedDatabase database;

	private DashboardProcess a;

	private DashboardProcess b;

	@BeforeAll
	void start() throws Exception {
		this.database = MigratedDatabase.postgres();
		this.database.addUser("admin", PASSWORD, true);
		for (int i = 1; i <= 4; i++) {
			SimulatedVsxi box = SimulatedBox.start("pair-" + i);
			this.boxes.add(box);
			this.ids.put(box.name(), this.database.registerBox(box.name(), box.baseUrl(), box.certificateFingerprint()));
		}
		this.a = instance("instance-a");
		this.b = instance("instance-b");
		awaitLeases(2, 2);
	}

	private DashboardProcess instance(String name) throws Exception {
		return DashboardProcess.start(name, freePort(), this.database.url(), "postgres",
				Map.of("vsxi.monitoring.poll-interval", INTERVAL_MILLIS + "ms", "vsxi.monitoring.tick", "250ms",
						"vsxi.cluster.lease", LEASE_MILLIS + "ms", "vsxi.cluster.renew-every", "1s",
						// each poll in the instance's log: the test reads who asked which box when
						"logging.level.app.vsxi.dashboard.monitoring.FleetPoller", "DEBUG"),
				List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
	}

	@AfterAll
	void stop() throws Exception {
		for (DashboardProcess instance : new DashboardProcess[] { this.a, this.b }) {
			if (instance != null) {
				instance.kill();
			}
		}
		this.boxes.forEach(SimulatedVsxi::stop);
		if (this.database != null) {
			this.database.drop();
		}
	}

	@Test
	@Order(1)
	void eachBoxIsAskedForItsRealtimeStatsOncePerIntervalWithTwoInstancesRunning() throws Exception {
		// an interval for the hand-over that split the fleet to be behind
		Thread.sleep(INTERVAL_MILLIS);
		long from = System.nanoTime();
		Instant fromWall = Instant.now();
		Thread.sleep(10 * INTERVAL_MILLIS);
		long to = System.nanoTime();

		for (SimulatedVsxi box : this.boxes) {
			// ten intervals: ten polls, one fewer or more at the edges of the window, never twenty
			assertThat(realtimeArrivals(box, from, to)).as("realtime polls of %s", box.name()).hasSizeBetween(9, 11);
			// and every one of them asked by the same instance
			assertThat(pollers(box.name(), fromWall, Instant.now())).as("who asked %s, in turn", box.name()).hasSize(1);
		}
		assertThat(owners()).containsOnlyKeys("instance-a", "instance-b").allSatisfy((owner, count) -> assertThat(count)
			.isEqualTo(2));
		// each polls two, and shows all four up and fresh: the other two as the other instance published them
		WebUser user = WebUser.loggedIn(this.a.base(), "admin", PASSWORD);
		for (DashboardProcess instance : List.of(this.a, this.b)) {
			Map<String, Integer> summary = summary(user.get(instance.base() + "/overview/rows").body());
			assertThat(summary).as("overview on %s", instance.name()).containsEntry("up", 4).containsEntry("stale", 0)
				.containsEntry("down", 0);
		}
	}

	@Test
	@Order(2)
	void aUserLoggedInThroughAGoesOnThroughBAndAKillPreviewedOnAIsConfirmedOnBAndSentOnce() throws Exception {
		WebUser user = WebUser.loggedIn(this.a.base(), "admin", PASSWORD);
		SimulatedVsxi box = this.boxes.get(0);
		long sbc = this.ids.get(box.name());

		HttpResponse<String> overviewOnB = user.get(this.b.base() + "/overview");
		assertThat(overviewOnB.uri().getPath()).isEqualTo("/overview");
		assertThat(overviewOnB.body()).contains("Fleet overview").contains(box.name());

		String calls = user.get(this.a.base() + "/sbcs/" + sbc + "/calls").body();
		String rows = user.get(this.a.base() + "/sbcs/" + sbc + "/calls/rows").body();
		String callId = WebUser.find(rows, "data-call=\"([^\"]+)\"");
		String slot = WebUser.find(rows, "data-ssm=\"([^\"]+)\"");
		assertThat(callId).as("a call listed on %s", box.name()).isNotNull();
		HttpResponse<String> preview = user.post(this.a.base() + "/sbcs/" + sbc + "/calls/kill/preview", calls,
				Map.of("ssmIndex", slot, "callId", unescape(callId)));
		String token = WebUser.find(preview.body(), "name=\"token\" value=\"([^\"]+)\"");
		assertThat(token).as("the kill's confirmation token").isNotNull();
		long killsBefore = box.requestCounts().getOrDefault("delete/active_calls", 0L);

		// the page's CSRF token is the session's, and so good on either instance
		HttpResponse<String> confirmed = user.post(this.b.base() + "/sbcs/" + sbc + "/calls/kill", calls,
				Map.of("token", token));
		HttpResponse<String> again = user.post(this.a.base() + "/sbcs/" + sbc + "/calls/kill", calls,
				Map.of("token", token));

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("already used");
		assertThat(box.requestCounts().getOrDefault("delete/active_calls", 0L) - killsBefore).isEqualTo(1);
	}

	@Test
	@Order(3)
	void aTableOpenedThroughAIsFollowedThroughB() throws Exception {
		WebUser user = WebUser.loggedIn(this.a.base(), "admin", PASSWORD);
		long sbc = this.ids.get(this.boxes.get(2).name());
		String tables = user.get(this.a.base() + "/sbcs/" + sbc + "/tables").body();

		HttpResponse<String> opened = user.post(this.a.base() + "/sbcs/" + sbc + "/tables/open", tables,
				Map.of("table", "route"));
		String opening = WebUser.find(firstRedirect(opened), "(/sbcs/\\d+/tables/openings/[0-9a-f-]+)");
		assertThat(opening).as("where the open sent the browser").isNotNull();

		// the page polling the download lands on the other instance: it follows it there to the draft
		awaitTrue(() -> user.get(this.b.base() + opening).uri().getPath().matches("/sbcs/\\d+/tables/drafts/\\d+"));
		HttpResponse<String> draft = user.get(this.b.base() + opening);
		assertThat(draft.statusCode()).isEqualTo(200);
		assertThat(draft.body()).contains("route");
	}

	private static String firstRedirect(HttpResponse<String> response) {
		HttpResponse<String> first = response;
		while (first.previousResponse().isPresent()) {
			first = first.previousResponse().get();
		}
		return first.headers().firstValue("Location").orElse("");
	}

	@Test
	@Order(4)
	void anUnreachableBoxRaisesOneAlarmThatBothShowAndEitherAcknowledges() throws Exception {
		SimulatedVsxi box = this.boxes.get(1);
		long sbc = this.ids.get(box.name());
		box.stop();
		try {
			long deadline = System.nanoTime() + 40_000_000_000L;
			while (unreachableAlarms(sbc, false).isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(250);
			}
			// a while longer: a second instance raising its own would show now
			Thread.sleep(3 * INTERVAL_MILLIS);
			List<Long> open = unreachableAlarms(sbc, true);
			assertThat(open).as("open unreachable alarms of %s", box.name()).hasSize(1);
			// and none raised besides, by either instance, and cleared since
			assertThat(unreachableAlarms(sbc, false)).as("unreachable alarms of %s", box.name()).isEqualTo(open);
			long alarm = open.get(0);
			WebUser user = WebUser.loggedIn(this.b.base(), "admin", PASSWORD);
			awaitTrue(() -> section(user.get(this.a.base() + "/alarms").body(), "open-alarms").contains("tick-" + alarm)
					&& section(user.get(this.b.base() + "/alarms").body(), "open-alarms").contains("tick-" + alarm));

			String page = user.get(this.b.base() + "/alarms").body();
			user.post(this.b.base() + "/alarms/" + alarm + "/acknowledge", page, Map.of());

			awaitTrue(() -> section(user.get(this.a.base() + "/alarms").body(), "acknowledged-alarms").contains(box.name()));
			assertThat(section(user.get(this.a.base() + "/alarms").body(), "open-alarms")).doesNotContain("tick-" + alarm);
			assertThat(this.database.jdbc().queryForObject("SELECT acknowledged_by FROM alarm WHERE id = ?", String.class,
					alarm)).isEqualTo("admin");
		}
		finally {
			box.start();
		}
		WebUser user = WebUser.loggedIn(this.a.base(), "admin", PASSWORD);
		awaitTrue(() -> summary(user.get(this.a.base() + "/overview/rows").body()).get("up") == 4);
	}

	@Test
	@Order(5)
	void whenAnInstanceDiesHardTheOtherPollsItsSbcsWithinTheBoundAndNoPollIsDoubledWhenItReturns() throws Exception {
		awaitLeases(2, 2);
		List<String> ofA = this.database.jdbc().queryForList("SELECT s.name FROM sbc_lease l JOIN sbc s ON s.id = l.sbc_id "
				+ "WHERE l.owner LIKE 'instance-a-%'", String.class);
		assertThat(ofA).hasSize(2);
		WebUser user = WebUser.loggedIn(this.b.base(), "admin", PASSWORD);
		awaitTrue(() -> summary(user.get(this.b.base() + "/overview/rows").body()).get("up") == 4);

		this.a.kill();
		long killed = System.nanoTime();
		Map<String, Long> polledAgain = new HashMap<>();
		long down = 0;
		while (polledAgain.size() < ofA.size() && System.nanoTime() - killed < 4 * BOUND_MILLIS * 1_000_000) {
			for (SimulatedVsxi box : this.boxes) {
				if (ofA.contains(box.name()) && !polledAgain.containsKey(box.name())
						&& !realtimeArrivals(box, killed + LEASE_MILLIS / 2 * 1_000_000, System.nanoTime()).isEmpty()) {
					polledAgain.put(box.name(), (System.nanoTime() - killed) / 1_000_000);
				}
			}
			Map<String, Integer> summary = summary(user.get(this.b.base() + "/overview/rows").body());
			down = Math.max(down, summary.getOrDefault("down", 0));
			Thread.sleep(200);
		}

		assertThat(polledAgain).as("ms from the kill to the survivor's first poll").hasSize(2)
			.allSatisfy((box, millis) -> assertThat(millis).isLessThanOrEqualTo(BOUND_MILLIS));
		assertThat(down).as("SBCs shown down on the survivor").isZero();
		awaitTrue(() -> summary(user.get(this.b.base() + "/overview/rows").body()).get("up") == 4);

		this.a = instance("instance-a");
		awaitLeases(2, 2);
		long back = System.nanoTime() - 2 * INTERVAL_MILLIS * 1_000_000;
		Instant backWall = Instant.now().minusMillis(2 * INTERVAL_MILLIS);
		Thread.sleep(8 * INTERVAL_MILLIS);
		for (SimulatedVsxi box : this.boxes) {
			List<Long> arrivals = realtimeArrivals(box, back, System.nanoTime());
			// ten intervals around the hand-back: ten polls, give or take the edges, and one more that the returning
			// JVM may ask late while it warms up on a busy machine (once seen in CI: one gap of 5.5 s, then every 2 s);
			// both instances polling would be twenty
			assertThat(arrivals).as("realtime polls of %s around the return", box.name()).hasSizeBetween(8, 11);
			// one instance, or one and then the other: never back and forth
			assertThat(pollers(box.name(), backWall, Instant.now())).as("who asked %s, in turn", box.name())
				.hasSizeBetween(1, 2);
		}
	}

	/**
	 * The instances that asked the box for its realtime stats between two moments, in turn, as their logs tell: an
	 * instance is listed again each time it takes over from the other. Two instances polling one box at once would
	 * alternate, and be listed as many times as they polled.
	 */
	private static List<String> pollers(String box, Instant from, Instant to) throws IOException {
		List<Map.Entry<Instant, String>> asked = new ArrayList<>();
		for (String instance : List.of("instance-a", "instance-b")) {
			Path log = Path.of("target", "instances", instance + ".log");
			if (!Files.exists(log)) {
				continue;
			}
			for (String line : Files.readAllLines(log)) {
				if (line.contains("Asking " + box + " for stats/realtime")) {
					Instant at = Instant.parse(line.substring(0, line.indexOf(' ')));
					if (!at.isBefore(from) && !at.isAfter(to)) {
						asked.add(Map.entry(at, instance));
					}
				}
			}
		}
		asked.sort(Map.Entry.comparingByKey());
		List<String> turns = new ArrayList<>();
		for (Map.Entry<Instant, String> each : asked) {
			if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(each.getValue())) {
				turns.add(each.getValue());
			}
		}
		return turns;
	}

	/** When each realtime poll reached the box, between two readings of this JVM's nanosecond clock. */
	private static List<Long> realtimeArrivals(SimulatedVsxi box, long from, long to) {
		return box.requestTimeline().stream().filter(timing -> timing.command().equals("stats/realtime"))
			.map(RequestTiming::arrivedNanos).filter(at -> at >= from && at <= to).sorted().toList();
	}

	private Map<String, Integer> owners() {
		Map<String, Integer> owners = new HashMap<>();
		this.database.jdbc().query("SELECT owner, COUNT(*) FROM sbc_lease WHERE expires_at > "
				+ "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT) GROUP BY owner",
				row -> {
					owners.put(row.getString(1).replaceAll("-[0-9a-f]{8}$", ""), row.getInt(2));
				});
		return owners;
	}

	private void awaitLeases(int instances, int each) throws Exception {
		awaitTrue(() -> {
			Map<String, Integer> owners = owners();
			return owners.size() == instances && owners.values().stream().allMatch(count -> count == each);
		});
	}

	private List<Long> unreachableAlarms(long sbc, boolean openOnly) {
		return this.database.jdbc().queryForList("SELECT id FROM alarm WHERE sbc_id = ? AND metric = 'UNREACHABLE'"
				+ (openOnly ? " AND cleared_at IS NULL" : ""), Long.class, sbc);
	}

	/** The counts of the overview's summary by their class: up, stale, down… */
	private static Map<String, Integer> summary(String rows) {
		Map<String, Integer> counts = new HashMap<>();
		Matcher item = Pattern.compile("<li class=\"(\\w+)\"><strong>(\\d+)</strong>").matcher(rows);
		while (item.find()) {
			counts.put(item.group(1), Integer.parseInt(item.group(2)));
		}
		return counts;
	}

	/** A table of the alarms page, by its id, up to the next heading. */
	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		if (start < 0) {
			return "";
		}
		int end = page.indexOf("<h2", start);
		return end < 0 ? page.substring(start) : page.substring(start, end);
	}

	private static String unescape(String attribute) {
		return attribute.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&amp;", "&");
	}

	private static void awaitTrue(Check check) throws Exception {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (check.holds()) {
				return;
			}
			Thread.sleep(250);
		}
		assertThat(check.holds()).as("within a minute").isTrue();
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private interface Check {

		boolean holds() throws Exception;

	}

}
