package app.vsxi.dashboard.monitoring;

import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TableDocument;

/** What an endpoint answered, one kind per shape of answer, so that whoever reads it knows its type. */
public sealed interface FeedValue {

	/** {@code stats/realtime}. */
	record Realtime(RealtimeStats stats) implements FeedValue {
	}

	/** A stats dump ({@code stats/resource}, {@code stats/resource_detail}, {@code stats/sip_stats}): table name to rows. */
	record Dump(Map<String, List<Map<String, String>>> tables) implements FeedValue {
	}

	/** A list of rows: {@code stats/media_server}, {@code stats/sub_stats}, {@code stats/active_calls}, {@code download/resource}. */
	record Document(TableDocument document) implements FeedValue {
	}

	/** {@code system/realtime}. */
	record Info(SystemInfo info) implements FeedValue {
	}

}
