package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TrunkRealtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What one instance publishes of a poll is what another reads back: every kind of answer, and every error. */
class PollRecordTests {

	private static final Instant AT = Instant.parse("2026-12-06T01:02:03.456Z");

	@Test
	void realtimeStatsWithTheirTrunksComeBackWhole() {
		RealtimeStats stats = new RealtimeStats(12, 100, 20, 19750, 2, 10000, 90, "active",
				Map.of("sum_active_session", "12", "ha_current_state", "active"),
				List.of(new TrunkRealtime("7", "node-a", 3, 4, 1, 9, 5, 6, Map.of("trunkId", "7"))));

		assertThat(roundTrip(new PollRecord(AT, new FeedValue.Realtime(stats), null)))
			.isEqualTo(new PollRecord(AT, new FeedValue.Realtime(stats), null));
	}

	@Test
	void dumpsListsAndSystemInfoComeBackInTheirOrder() {
		Map<String, List<Map<String, String>>> dump = new LinkedHashMap<>();
		dump.put("XBResourceStat", List.of(Map.of("trunkId", "7", "asr", "0.5")));
		dump.put("Empty", List.of());
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("ssm_index", "12");
		fields.put("callID", "abc@host <&>");
		TableDocument calls = new TableDocument("XBActiveCallList", "XBActiveCall", List.of(new TableRow(fields)));
		SystemInfo info = new SystemInfo("12 days", Map.of("Host", "vsxi-1"));

		assertThat(roundTrip(new PollRecord(AT, new FeedValue.Dump(dump), null)).value())
			.isEqualTo(new FeedValue.Dump(dump));
		PollRecord read = roundTrip(new PollRecord(AT, new FeedValue.Document(calls), null));
		assertThat(read.value()).isEqualTo(new FeedValue.Document(calls));
		assertThat(((FeedValue.Document) read.value()).document().rows().get(0).fields().keySet())
			.containsExactly("ssm_index", "callID");
		assertThat(roundTrip(new PollRecord(AT, new FeedValue.Info(info), null)).value())
			.isEqualTo(new FeedValue.Info(info));
	}

	@Test
	void everyKindOfErrorComesBackAsItself() {
		List<GatewayError> errors = List.of(new GatewayError.Unreachable("connection refused"),
				new GatewayError.Timeout("read"), new GatewayError.Busy(),
				new GatewayError.CircuitOpen(new GatewayError.Rejected("no")),
				new GatewayError.CertificateChanged("AA:BB", "CC:DD"), new GatewayError.UnexpectedResponse(500, "oops"),
				new GatewayError.SlaveMode("slave", "master-1"));

		for (GatewayError error : errors) {
			PollRecord read = roundTrip(new PollRecord(AT, null, error));
			assertThat(read.error()).isEqualTo(error);
			assertThat(read.value()).isNull();
			assertThat(read.at()).isEqualTo(AT);
		}
	}

	@Test
	void aPollEitherAnsweredOrFailed() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PollRecord(AT, null, null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new PollRecord(AT, new FeedValue.Info(new SystemInfo("1", Map.of())), new GatewayError.Busy()));
	}

	@Test
	void whatIsStoredIsCompressed() {
		Map<String, List<Map<String, String>>> dump = Map.of("Rows",
				java.util.stream.IntStream.range(0, 500).mapToObj(i -> Map.of("trunkId", "" + i, "asr", "0.5")).toList());

		byte[] stored = new PollRecord(AT, new FeedValue.Dump(dump), null).write();

		assertThat(stored.length).isLessThan(500 * 20);
		assertThat(stored[0] & 0xff).isEqualTo(0x1f);
	}

	private static PollRecord roundTrip(PollRecord record) {
		return PollRecord.read(record.write());
	}

}
