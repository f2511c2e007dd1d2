package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.web.Plural;

/**
 * An SBC's figures as the overview and the wallboard show them: live while the SBC answers its polls; otherwise
 * (stale, unreachable, paused, in error) the last ones it gave, marked as last known with the time of that answer,
 * never as live; none at all before a first answer, rather than zeros.
 *
 * @param live whether the last poll was answered and is recent: the figures are the SBC's present ones
 * @param at when the SBC gave these figures (its last good answer), null without figures
 * @param stats the figures, null before a first answer
 */
public record Figures(boolean live, Instant at, RealtimeStats stats) {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY_AND_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	static Figures of(SbcStatus status) {
		if (status.stats() == null) {
			return new Figures(false, null, null);
		}
		return new Figures(status.state() == SbcStatus.State.UP, status.lastReached(), status.stats());
	}

	/** Whether there is anything to show: false before the SBC first answered. */
	public boolean any() {
		return this.stats != null;
	}

	/** Figures that are there but not live: shown greyed, with their time. */
	public boolean lastKnown() {
		return any() && !this.live;
	}

	/** E.g. {@code 112 calls}, {@code 1 call}. */
	public String calls() {
		return this.stats == null ? "" : Plural.count(this.stats.activeSessions(), "call", "calls");
	}

	/** E.g. {@code 3 CPS}. */
	public String cps() {
		return this.stats == null ? "" : this.stats.currentCps() + " CPS";
	}

	/** E.g. {@code CPU 10 %}: 100 − {@code cpu_idle_percent}. */
	public String cpu() {
		return this.stats == null ? "" : "CPU " + (100 - this.stats.cpuIdlePercent()) + " %";
	}

	/**
	 * When last-known figures were given, e.g. {@code at 08:24} (UTC), with the day in front when it was not
	 * today: {@code at 2026-12-02 23:58}.
	 */
	public String at(Instant now) {
		return at(this.at, now);
	}

	/** What a pointer or a screen reader learns about last-known figures, with the full time. */
	public String title() {
		return title(this.at);
	}

	static String at(Instant at, Instant now) {
		if (at == null) {
			return "";
		}
		boolean today = LocalDate.ofInstant(at, ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
		return "at " + (today ? MINUTE : DAY_AND_MINUTE).format(at);
	}

	static String title(Instant at) {
		return at == null ? "" : "Last known, from the last answer at " + FULL.format(at) + " UTC; not live";
	}

}
