package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import app.vsxi.dashboard.support.SimulatedBox;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API users from the box's users table, read-only users, slave mode, release variants and injected faults. */
class AccessAndFaultsTests {

	private SimulatedVsxi box;

	private SimulatorClient admin;

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("faults");
		this.admin = new SimulatorClient(this.box, "admin", "admin");
	}

	@AfterEach
	void stop() {
		this.box.stop();
	}

	@Test
	void theUsersTableIsTheSourceOfApiUsers() {
		SimulatorClient ops = this.admin.as("ops", "s3cret");
		assertThat(ops.getText("download/routetable")).startsWith("401 Fail - User Not Authorized: Invalid username");

		assertThat(this.admin.text("POST", "update/users", "<XBUserList><XBUser><username>ops</username>"
				+ "<password>s3cret</password><role>readWrite</role><description>x</description></XBUser></XBUserList>"))
			.isEqualTo("200 OK");
		assertThat(ops.get("download/routetable").statusCode()).isEqualTo(200);
		assertThat(this.admin.as("ops", "wrong").getText("download/routetable"))
			.isEqualTo("401 Fail - User Not Authorized: invalid user password");

		this.admin.text("DELETE", "delete/users", "<XBUserList><XBUser><username>ops</username>"
				+ "<password>s3cret</password><role>readWrite</role><description>x</description></XBUser></XBUserList>");
		assertThat(ops.get("download/routetable").statusCode()).isEqualTo(401);
	}

	@Test
	void aReadOnlyUserIsRefusedOnEveryCommandReadsIncluded() {
		SimulatorClient monitor = this.admin.as("monitor", "monitor");
		byte[] routeTables = this.admin.get("download/routetable").body();

		for (var refused : List.of(monitor.get("download/routetable"), monitor.get("stats/realtime"),
				monitor.get("system/realtime"), monitor.send("POST", "update/routetable", routeTables),
				monitor.send("DELETE", "delete/sub_stats", "<XBSubStatsList/>".getBytes()))) {
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(SimulatorClient.text(refused))
				.isEqualTo("401 Fail - User Not Authorized: Invalid username or no read/write permissions.");
		}
		assertThat(monitor.get(VsxiConventions.FAULTS_PATH).statusCode()).isEqualTo(200);
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains("user=monitor") && line.contains("read-only user"));
	}

	@Test
	void aLoadBalanceSlaveRefusesEveryWriteWith402AndStillDownloads() {
		assertThat(this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"slave\":true}")).contains("\"slave\":true");
		String routeTables = this.admin.getText("download/routetable");

		var refused = this.admin.send("POST", "update/routetable", routeTables.getBytes());

		assertThat(refused.statusCode()).isEqualTo(402);
		assertThat(SimulatorClient.text(refused))
			.isEqualTo("402 Fail - This action is not allowed while system is in Load-Balance Slave mode");
		assertThat(this.admin.send("DELETE", "delete/active_calls", "".getBytes()).statusCode()).isEqualTo(402);
		assertThat(this.admin.get("downloadLarge/route").statusCode()).isEqualTo(200);
		this.box.slaveMode(false);
		assertThat(this.admin.send("POST", "update/routetable", routeTables.getBytes()).statusCode()).isEqualTo(200);
	}

	@Test
	void aLoadBalanceSlaveShowsItInItsHaFieldsAndSlaveStat() {
		assertThat(this.admin.getText("stats/realtime")).contains("<field name=\"slave_stat\">64</field>",
				"<field name=\"ha_current_state\">active</field>");

		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"slave\":true}");

		assertThat(this.admin.getText("stats/realtime")).contains("<field name=\"slave_stat\">65</field>",
				"<field name=\"ha_current_state\">standby</field>", "<field name=\"ha_pre_state\">active</field>");
		this.admin.text("DELETE", VsxiConventions.FAULTS_PATH, null);
		assertThat(this.admin.getText("stats/realtime")).contains("<field name=\"slave_stat\">64</field>");
	}

	@Test
	void theStatsReleaseVariantSwitchesAtRunTime() {
		assertThat(this.admin.getText("stats/resource")).contains("<table name=\"ingress_stat\">")
			.doesNotContain("table_data");

		this.admin.text("POST", VsxiConventions.RELEASE_PATH, "{\"statsGeneration\":\"NEWER\"}");

		assertThat(this.admin.getText("stats/resource")).contains("<table_data name=\"ingress_stat\">",
				"<table_structure name=\"ingress_stat\">");
		assertThat(this.admin.getText("stats/realtime?format=json")).contains("\"table_data\":");
		assertThat(this.box.statsGeneration()).isEqualTo(StatsGeneration.NEWER);
	}

	@Test
	void anInjectedStatusAnswersEveryApiRequestUntilCleared() {
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"status\":503}");

		var faulty = this.admin.get("stats/realtime");
		assertThat(faulty.statusCode()).isEqualTo(503);
		assertThat(this.admin.get(VsxiConventions.FAULTS_PATH).statusCode()).isEqualTo(200);

		this.admin.text("DELETE", VsxiConventions.FAULTS_PATH, null);
		assertThat(this.admin.get("stats/realtime").statusCode()).isEqualTo(200);
	}

	@Test
	void latencyDelaysTheAnswer() {
		this.box.faults(new Faults(300, 0, false, false));
		long start = System.nanoTime();

		assertThat(this.admin.get("stats/realtime").statusCode()).isEqualTo(200);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void aResetConnectionAndATruncatedBodyFailTheClient() {
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"connectionReset\":true}");
		assertThatThrownBy(() -> this.admin.get("download/resource")).isInstanceOf(UncheckedIOException.class);

		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"connectionReset\":false,\"truncateBody\":true}");
		assertThatThrownBy(() -> this.admin.get("download/resource")).isInstanceOf(UncheckedIOException.class);

		this.box.faults(Faults.NONE);
		assertThat(this.admin.get("download/resource").statusCode()).isEqualTo(200);
	}

	@Test
	void downClosesThePortForTheGivenTimeThenTheBoxComesBack() {
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"downSeconds\":2}");

		Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThatThrownBy(
				() -> this.admin.get("stats/realtime")).hasCauseInstanceOf(ConnectException.class));
		Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
			.untilAsserted(() -> assertThat(this.admin.get("stats/realtime").statusCode()).isEqualTo(200));
	}

	@Test
	void theUserAccessLogSaysWhoChangedWhatAndWhen() throws IOException {
		this.admin.text("POST", "update/routetable", this.admin.getText("download/routetable"));

		String log = this.admin.getText(VsxiConventions.USER_ACCESS_LOG_PATH);

		assertThat(log).containsPattern(
				"\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z user=admin ip=127\\.0\\.0\\.1 POST update/routetable OK - \\d+ of \\d+ entries applied");
	}

}
