package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.MovableClock;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.StartEarly;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo fleet of three simulated boxes, every endpoint read each second, the poller's ticks given by hand (its own
 * schedule ticks once at start, then not for an hour): however many viewers refresh the pages meanwhile, each box
 * serves exactly one request per endpoint per tick, as its own {@code GET /simulator/requests} counts them.
 */
@StartEarly
@SpringBootTest(properties = { "vsxi.monitoring.tick=1h", "vsxi.monitoring.intervals.resource=1s",
		"vsxi.monitoring.intervals.resource-detail=1s", "vsxi.monitoring.intervals.sip-stats=1s",
		"vsxi.monitoring.intervals.media-server=1s", "vsxi.monitoring.intervals.sub-stats=1s",
		"vsxi.monitoring.intervals.active-calls=1s", "vsxi.monitoring.intervals.system=1s",
		"vsxi.monitoring.intervals.capacity=1s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(providers = SameApplication.class)
class MonitoringCoalescingTests {

	private static final List<String> BOXES = List.of("demo-sbc-1", "demo-sbc-2", "demo-sbc-3");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	FleetPoller poller;

	@Autowired
	SnapshotStore store;

	@Autowired
	StatusBoard board;

	@Autowired
	UserDetailsService users;

	@Autowired
	MovableClock clock;

	private PollTicks ticks;

	@BeforeEach
	void ticks() {
		this.ticks = new PollTicks(this.poller, this.store, this.clock);
	}

	@AfterEach
	void clearFaults() {
		BOXES.forEach(name -> SimulatorSwitches.clear(this.demo.box(name).baseUrl()));
	}

	@Test
	@Order(1)
	void fiftyViewersCostEachBoxOneRequestPerEndpointPerInterval() throws Exception {
		Map<String, Long> ids = ids();
		UserDetails admin = this.users.loadUserByUsername("admin");
		// someone has every box's page open, so the heavy endpoints are wanted too
		for (long id : ids.values()) {
			this.mvc.perform(get("/sbcs/" + id).with(user(admin))).andExpect(status().isOk());
		}
		tickAndDrain();
		Map<String, Map<String, Long>> before = counts();

		AtomicBoolean viewing = new AtomicBoolean(true);
		AtomicInteger views = new AtomicInteger();
		ExecutorService viewers = Executors.newFixedThreadPool(50);
		List<Future<?>> running = new ArrayList<>();
		for (int v = 0; v < 50; v++) {
			long id = List.copyOf(ids.values()).get(v % ids.size());
			String panel = Feed.values()[v % Feed.values().length].slug();
			running.add(viewers.submit(() -> {
				while (viewing.get()) {
					this.mvc.perform(get("/overview/rows").with(user(admin))).andExpect(status().isOk());
					this.mvc.perform(get("/sbcs/" + id + "/panels/" + panel).with(user(admin))).andExpect(status().isOk());
					views.incrementAndGet();
				}
				return null;
			}));
		}
		// every viewer is at it before the polls, and goes on through all of them
		await().atMost(Duration.ofSeconds(20)).until(() -> views.get() >= 50);
		int ticks = 3;
		for (int i = 0; i < ticks; i++) {
			tickAndDrain();
		}
		viewing.set(false);
		for (Future<?> viewer : running) {
			viewer.get();
		}
		viewers.shutdown();
		Map<String, Map<String, Long>> after = counts();

		assertThat(views.get()).isGreaterThan(50);
		for (String box : BOXES) {
			for (Feed feed : Feed.values()) {
				long served = after.get(box).getOrDefault(feed.path(), 0L) - before.get(box).getOrDefault(feed.path(), 0L);
				assertThat(served).as("%s %s", box, feed.path()).isEqualTo(ticks);
			}
		}
	}

	@Test
	@Order(2)
	void aTenSecondSlowBoxHoldsUpNeitherTheOverviewNorTheOtherBoxes() throws Exception {
		Map<String, Long> ids = ids();
		UserDetails admin = this.users.loadUserByUsername("admin");
		tickAndDrain();
		SimulatorSwitches.faults(this.demo.box("demo-sbc-2").baseUrl(), "{\"latencyMillis\":10000}");
		long slow = ids.get("demo-sbc-2");

		Instant ticked = this.ticks.tickOnly();
		long started = System.nanoTime();
		String rows = this.mvc.perform(get("/overview/rows").with(user(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

		// rendering reads the store: it answers while the slow box's poll is still under way
		assertThat(millis).isLessThan(2_000);
		assertThat(rows).contains("demo-sbc-2");
		for (String box : List.of("demo-sbc-1", "demo-sbc-3")) {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.ticks.polledSince(ids.get(box), Feed.REALTIME, ticked));
		}
		// the gateway's read timeout (3 s in tests) ends the slow poll: the row says so
		await().atMost(Duration.ofSeconds(20)).until(() -> this.board.get(slow).condition() == Condition.UNREACHABLE);
		String later = this.mvc.perform(get("/overview/rows").with(user(admin)))
			.andReturn().getResponse().getContentAsString();
		assertThat(later).contains(this.board.get(slow).badge());
		assertThat(this.store.latest(slow, Feed.REALTIME).stale()).isTrue();
	}

	/** One tick, then waits until every box has finished every endpoint it queued. */
	private void tickAndDrain() {
		this.ticks.tick(ids().values(), Feed.values());
	}

	private Map<String, Long> ids() {
		Map<String, Long> ids = new HashMap<>();
		for (Sbc sbc : this.fleet.everySbc()) {
			if (BOXES.contains(sbc.name())) {
				ids.put(sbc.name(), sbc.id());
			}
		}
		assertThat(ids).hasSize(3);
		return ids;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Long>> counts() {
		Map<String, Map<String, Long>> counts = new HashMap<>();
		for (String name : BOXES) {
			SimulatedVsxi box = this.demo.box(name);
			Map<String, Number> served = JSON.readValue(SimulatorSwitches.requests(box.baseUrl()), Map.class);
			Map<String, Long> longs = new HashMap<>();
			served.forEach((key, value) -> longs.put(key, value.longValue()));
			counts.put(name, longs);
		}
		return counts;
	}

}
