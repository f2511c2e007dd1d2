package app.vsxi.dashboard.monitoring.alarms;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.monitoring.MonitoringProperties;

import org.springframework.stereotype.Component;

/**
 * Which rule applies to an SBC: its own, else its group's, else the fleet's, else the built-in one. Stored rules
 * are read once and again after each change.
 */
@Component
public class AlarmRules {

	private final AlarmStore store;

	private final MonitoringProperties properties;

	private final AtomicReference<List<AlarmRule>> cached = new AtomicReference<>();

	AlarmRules(AlarmStore store, MonitoringProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	public AlarmRule effective(Sbc sbc, AlarmMetric metric) {
		AlarmRule rule = effective(stored(), sbc.id(), sbc.groupId(), metric);
		return rule.builtIn() ? builtIn(metric) : rule;
	}

	/**
	 * The rule where nobody stored one. An SBC without answer for {@code unreachable-after} is critical at once: a
	 * dead box is the worst news a NOC gets.
	 */
	public AlarmRule builtIn(AlarmMetric metric) {
		AlarmRule rule = metric.defaultRule();
		if (metric != AlarmMetric.UNREACHABLE) {
			return rule;
		}
		double intervals = (double) this.properties.noAnswerLimit().toMillis()
				/ Math.max(1, this.properties.pollInterval().toMillis());
		return new AlarmRule(null, null, null, metric, intervals, intervals, 1, true, null, null);
	}

	static AlarmRule effective(List<AlarmRule> rules, Long sbcId, Long groupId, AlarmMetric metric) {
		AlarmRule group = null;
		AlarmRule fleet = null;
		for (AlarmRule rule : rules) {
			if (rule.metric() != metric) {
				continue;
			}
			if (rule.sbcId() != null) {
				if (rule.sbcId().equals(sbcId)) {
					return rule;
				}
			}
			else if (rule.groupId() != null) {
				if (rule.groupId().equals(groupId)) {
					group = rule;
				}
			}
			else {
				fleet = rule;
			}
		}
		return group != null ? group : fleet != null ? fleet : metric.defaultRule();
	}

	public List<AlarmRule> stored() {
		List<AlarmRule> rules = this.cached.get();
		if (rules == null) {
			rules = List.copyOf(this.store.rules());
			this.cached.set(rules);
		}
		return rules;
	}

	void changed() {
		this.cached.set(null);
	}

}
