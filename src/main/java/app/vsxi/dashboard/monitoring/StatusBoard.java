package app.vsxi.dashboard.monitoring;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/** The latest status of every SBC, written by the poller, read by every page; each change of condition is kept. */
@Component
public class StatusBoard {

	private final Map<Long, SbcStatus> statuses = new ConcurrentHashMap<>();

	private final StateHistory history;

	public StatusBoard(StateHistory history) {
		this.history = history;
	}

	public List<SbcStatus> all() {
		return this.statuses.values().stream().sorted(Comparator.comparing(SbcStatus::name)).toList();
	}

	public SbcStatus get(long sbcId) {
		return this.statuses.get(sbcId);
	}

	void update(long sbcId, SbcStatus initial, UnaryOperator<SbcStatus> change) {
		update(sbcId, initial, change, true);
	}

	/** {@code keep}: this instance owns the SBC, so it, and no other instance, keeps a change of its condition. */
	void update(long sbcId, SbcStatus initial, UnaryOperator<SbcStatus> change, boolean keep) {
		this.statuses.compute(sbcId, (id, current) -> {
			SbcStatus before = current == null ? initial : current;
			SbcStatus after = change.apply(before);
			if (keep && after.since() != null && !after.since().equals(before.since())) {
				this.history.changed(after);
			}
			return after;
		});
	}

	void retainOnly(Collection<Long> sbcIds) {
		Set<Long> keep = Set.copyOf(sbcIds);
		this.statuses.keySet().removeIf(id -> !keep.contains(id));
	}

}
