package app.vsxi.dashboard.calls;

import java.time.Instant;
import java.util.List;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * One page of an SBC's active calls as the box sent them.
 *
 * @param columns every field the box sent, in its order
 * @param boxCount calls in the box's answer
 * @param matched of those, calls that meet the search
 * @param source the command that was sent, e.g. {@code query/active_calls?queryString=dnis like '1212%'}
 * @param failure why there are no calls to show, or null
 * @param readAt when the box was asked
 * @param slaveOf the master to kill calls on instead, when the SBC is a Load-Balance slave; null otherwise
 */
public record CallsPage(long sbcId, String sbcName, List<String> columns, List<TableRow> rows, int boxCount,
		int matched, int page, int pages, String source, String failure, Instant readAt, SlaveOf slaveOf) {

	static CallsPage failed(long sbcId, String sbcName, String source, String failure, SlaveOf slaveOf) {
		return new CallsPage(sbcId, sbcName, List.of(), List.of(), 0, 0, 1, 1, source, failure, Instant.now(), slaveOf);
	}

	public boolean hasFailure() {
		return this.failure != null;
	}

	/** Calls beyond this page. */
	public int more() {
		return Math.max(0, this.matched - this.rows.size());
	}

}
