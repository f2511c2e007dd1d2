package app.vsxi.dashboard.monitoring.alarms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.Permission;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alarms and their rules as a user may see and change them: alarms of the SBCs in their groups, acknowledged by
 * operators; rules of a group or of its SBCs changed by that group's administrators, fleet-wide rules by
 * administrators only.
 */
@Service
public class AlarmService {

	private final AlarmBoard board;

	private final AlarmStore store;

	private final AlarmRules rules;

	private final AccessService access;

	private final FleetService fleet;

	private final AuditLog audit;

	AlarmService(AlarmBoard board, AlarmStore store, AlarmRules rules, AccessService access, FleetService fleet,
			AuditLog audit) {
		this.board = board;
		this.store = store;
		this.rules = rules;
		this.access = access;
		this.fleet = fleet;
		this.audit = audit;
	}

	/** An alarm with the name and group of its SBC and whether the user may acknowledge it. */
	public record AlarmRow(Alarm alarm, String sbcName, Long groupId, boolean acknowledgeable) {
	}

	/**
	 * The alarms page as filtered: open alarms nobody acknowledged, worst first; open ones acknowledged, apart; then
	 * the latest ones raised; with the SBCs and groups the filter offers.
	 */
	public record AlarmsPage(List<AlarmRow> open, List<AlarmRow> acknowledged, List<AlarmRow> recent,
			AlarmFilter filter, Map<Long, String> sbcs, Map<Long, String> groups) {

		public List<AlarmFilter.Section> openSections() {
			return this.filter.sections(this.open);
		}

		public List<AlarmFilter.Section> acknowledgedSections() {
			return this.filter.sections(this.acknowledged);
		}

		/** Whether any listed alarm may be acknowledged by the user, so the bulk form is worth showing. */
		public boolean anyAcknowledgeable() {
			return this.open.stream().anyMatch(AlarmRow::acknowledgeable);
		}

	}

	/** What a bulk acknowledgement did: each alarm counted once, under one of the three. */
	public record Acknowledgements(int acknowledged, int already, int refused) {
	}

	@PreAuthorize("isAuthenticated()")
	public AlarmsPage page() {
		return page(AlarmFilter.none());
	}

	@PreAuthorize("isAuthenticated()")
	public AlarmsPage page(AlarmFilter filter) {
		Map<Long, Sbc> visible = visibleSbcs();
		Set<Long> operable = this.access.groupsWhere(Permission.OPERATE);
		List<AlarmRow> open = filter.apply(this.board.openAlarms().stream()
			.filter(alarm -> visible.containsKey(alarm.sbcId())).map(alarm -> row(alarm, visible, operable)).toList());
		List<AlarmRow> recent = filter.apply(this.store.recent(visible.keySet(), 100).stream()
			.map(alarm -> row(alarm, visible, operable)).toList());
		Map<Long, String> sbcs = new TreeMap<>();
		visible.values().forEach(sbc -> sbcs.put(sbc.id(), sbc.name()));
		Map<Long, String> names = this.fleet.groupNames();
		Map<Long, String> groups = new TreeMap<>();
		visible.values().forEach(sbc -> groups.put(sbc.groupId(), names.getOrDefault(sbc.groupId(), "#" + sbc.groupId())));
		return new AlarmsPage(open.stream().filter(row -> !row.alarm().acknowledged()).toList(),
				open.stream().filter(row -> row.alarm().acknowledged()).toList(), recent, filter, sbcs, groups);
	}

	/**
	 * An operator of the SBC's group takes note of the alarm; who and when are kept, and it stays so. A refusal, or
	 * an alarm acknowledged already, is written to the audit trail like any other refusal.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public boolean acknowledge(long alarmId) {
		return switch (acknowledgeOne(alarmId)) {
			case ACKNOWLEDGED -> true;
			case ALREADY -> false;
			case REFUSED -> throw new AccessDeniedException("not allowed to acknowledge this alarm");
		};
	}

	/**
	 * Acknowledges each alarm as {@link #acknowledge} does, each audited on its own; one the user may not
	 * acknowledge is refused and audited, and the others still go through. Refused when none could be, as a
	 * single acknowledgement is.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public Acknowledgements acknowledgeAll(List<Long> alarmIds) {
		int acknowledged = 0;
		int already = 0;
		int refused = 0;
		for (long alarmId : new LinkedHashSet<>(alarmIds)) {
			switch (acknowledgeOne(alarmId)) {
				case ACKNOWLEDGED -> acknowledged++;
				case ALREADY -> already++;
				case REFUSED -> refused++;
			}
		}
		if (refused > 0 && acknowledged == 0 && already == 0) {
			throw new AccessDeniedException("not allowed to acknowledge these alarms");
		}
		return new Acknowledgements(acknowledged, already, refused);
	}

	private enum Outcome {
		ACKNOWLEDGED, ALREADY, REFUSED
	}

	/** Acknowledges one alarm and audits what came of it, once. */
	private Outcome acknowledgeOne(long alarmId) {
		Alarm alarm = this.store.alarm(alarmId);
		if (alarm == null) {
			this.audit.record(AuditAction.ALARM_ACKNOWLEDGED, "alarm #" + alarmId, null, AuditOutcome.DENIED,
					"no such alarm");
			return Outcome.REFUSED;
		}
		// looked up unchecked, so a user who may not even see the SBC is refused and audited here, once
		Sbc sbc = this.fleet.everySbc().stream().filter(one -> one.id() == alarm.sbcId()).findFirst().orElseThrow();
		String target = sbc.name() + " " + alarm.metric().name() + (alarm.subject().isEmpty() ? "" : " " + alarm.subject());
		if (!this.access.canOnSbc(Permission.OPERATE.name(), alarm.sbcId())) {
			this.audit.record(AuditAction.ALARM_ACKNOWLEDGED, target, sbc.groupId(), AuditOutcome.DENIED,
					"not an operator of the SBC's group");
			return Outcome.REFUSED;
		}
		if (this.board.acknowledge(alarm, Actor.current())) {
			this.audit.record(AuditAction.ALARM_ACKNOWLEDGED, target, sbc.groupId(), AuditOutcome.SUCCESS,
					alarm.level().label() + " raised " + alarm.raisedAt());
			return Outcome.ACKNOWLEDGED;
		}
		this.audit.record(AuditAction.ALARM_ACKNOWLEDGED, target, sbc.groupId(), AuditOutcome.DENIED,
				"acknowledged already" + (alarm.acknowledgedBy() == null ? "" : " by " + alarm.acknowledgedBy()));
		return Outcome.ALREADY;
	}

	/**
	 * A rule as the rules page lists it.
	 *
	 * @param scope where it applies, in words
	 * @param editable whether the user may change or remove it
	 */
	public record RuleRow(AlarmRule rule, String scope, boolean editable) {
	}

	/** What the rules page shows and offers. */
	public record RulesPage(List<RuleRow> rules, Map<Long, String> groups, List<Sbc> sbcs, boolean fleetEditable) {
	}

	@PreAuthorize("@access.managesAnyGroup()")
	public RulesPage rules() {
		Set<Long> administered = this.access.groupsWhere(Permission.ADMINISTER);
		Map<Long, String> groupNames = this.fleet.groupNames();
		Map<Long, String> sbcNames = new HashMap<>();
		this.fleet.everySbc().forEach(sbc -> sbcNames.put(sbc.id(), sbc.name()));
		List<RuleRow> rows = new ArrayList<>();
		for (AlarmMetric metric : AlarmMetric.values()) {
			rows.add(new RuleRow(this.rules.builtIn(metric), "built in", false));
		}
		for (AlarmRule rule : this.rules.stored()) {
			Long group = groupOf(rule);
			if (rule.groupId() == null && rule.sbcId() == null || administered.contains(group)) {
				rows.add(new RuleRow(rule, rule.scope(groupNames, id -> sbcNames.getOrDefault(id, "#" + id)),
						mayChange(rule.groupId(), rule.sbcId())));
			}
		}
		rows.sort(Comparator.comparing((RuleRow row) -> row.rule().metric()).thenComparing(row -> !row.rule().builtIn()));
		Map<Long, String> groups = new HashMap<>();
		administered.forEach(id -> groups.put(id, groupNames.getOrDefault(id, "#" + id)));
		List<Sbc> sbcs = this.fleet.everySbc().stream().filter(sbc -> administered.contains(sbc.groupId())).toList();
		return new RulesPage(rows, groups, sbcs, this.access.isAdmin());
	}

	/**
	 * Sets the thresholds of a metric for the fleet, a group or an SBC, replacing what was set there. A rule refused
	 * (not the user's to change, or thresholds that cannot be) is written to the audit trail before it is thrown.
	 */
	@PreAuthorize("@access.managesAnyGroup()")
	@Transactional
	public AlarmRule saveRule(AlarmMetric metric, Long groupId, Long sbcId, double warning, double critical, int hold,
			boolean enabled) {
		String where = sbcId != null ? "SBC #" + sbcId : groupId != null ? "group #" + groupId : "whole fleet";
		Long group = sbcId != null ? groupOfSbc(sbcId) : groupId;
		if (groupId != null && sbcId != null) {
			throw refusedRule(metric, group, where, new IllegalArgumentException("a rule is for a group or for an SBC, not both"));
		}
		if (!mayChange(groupId, sbcId)) {
			throw refusedRule(metric, group, where, new AccessDeniedException("not allowed to change the alarm rules there"));
		}
		if (hold < 1 || hold > 100) {
			throw refusedRule(metric, group, where, new IllegalArgumentException("polls to hold must be between 1 and 100"));
		}
		if (Double.isNaN(warning) || Double.isNaN(critical)
				|| (metric.below() ? critical > warning : critical < warning)) {
			throw refusedRule(metric, group, where, new IllegalArgumentException(metric.below()
					? "the critical threshold must not be above the warning one"
					: "the critical threshold must not be below the warning one"));
		}
		AlarmRule saved = this.store.saveRule(new AlarmRule(null, groupId, sbcId, metric, warning, critical, hold,
				enabled, Actor.current(), Instant.now()));
		this.rules.changed();
		this.audit.record(AuditAction.ALARM_RULE_CHANGE, metric.name(), groupOf(saved), AuditOutcome.SUCCESS,
				"warning " + Alarm.figure(warning) + ", critical " + Alarm.figure(critical) + ", hold " + hold + (enabled ? "" : ", off") + ", " + where);
		return saved;
	}

	/** Removes a stored rule: the next wider one applies again. A refusal is audited before it is thrown. */
	@PreAuthorize("@access.managesAnyGroup()")
	@Transactional
	public void deleteRule(long id) {
		AlarmRule rule = this.store.rule(id);
		if (rule == null) {
			throw refusedRule(null, null, "rule #" + id, new AccessDeniedException("not allowed to remove this alarm rule"));
		}
		if (!mayChange(rule.groupId(), rule.sbcId())) {
			throw refusedRule(rule.metric(), groupOf(rule), "removing rule #" + id,
					new AccessDeniedException("not allowed to remove this alarm rule"));
		}
		this.store.deleteRule(id);
		this.rules.changed();
		this.audit.record(AuditAction.ALARM_RULE_CHANGE, rule.metric().name(), groupOf(rule), AuditOutcome.SUCCESS,
				"removed");
	}

	/** Writes the refusal to the audit trail, once, and hands back the exception to throw. */
	private <E extends RuntimeException> E refusedRule(AlarmMetric metric, Long groupId, String where, E refusal) {
		this.audit.record(AuditAction.ALARM_RULE_CHANGE, metric == null ? "alarm rule" : metric.name(), groupId,
				AuditOutcome.DENIED, where + ": " + refusal.getMessage());
		return refusal;
	}

	private boolean mayChange(Long groupId, Long sbcId) {
		if (sbcId != null) {
			return this.access.canOnSbc(Permission.ADMINISTER.name(), sbcId);
		}
		if (groupId != null) {
			return this.access.canInGroup(Permission.ADMINISTER.name(), groupId);
		}
		return this.access.isAdmin();
	}

	private Long groupOf(AlarmRule rule) {
		return rule.sbcId() != null ? groupOfSbc(rule.sbcId()) : rule.groupId();
	}

	private Long groupOfSbc(long sbcId) {
		return this.fleet.everySbc().stream().filter(sbc -> sbc.id().equals(sbcId)).map(Sbc::groupId).findFirst()
			.orElse(null);
	}

	private AlarmRow row(Alarm alarm, Map<Long, Sbc> visible, Set<Long> operable) {
		Sbc sbc = visible.get(alarm.sbcId());
		return new AlarmRow(alarm, sbc.name(), sbc.groupId(), alarm.open() && !alarm.acknowledged() && operable.contains(sbc.groupId()));
	}

	private Map<Long, Sbc> visibleSbcs() {
		Set<Long> groups = this.access.groupsWhere(Permission.VIEW);
		boolean all = this.access.isAdmin();
		Map<Long, Sbc> visible = new HashMap<>();
		for (Sbc sbc : this.fleet.everySbc()) {
			if (all || groups.contains(sbc.groupId())) {
				visible.put(sbc.id(), sbc);
			}
		}
		return visible;
	}

}
