package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which SBCs the wallboard shows now. A 1920 × 1080 screen holds at most {@link #MOST} tiles whose name and worst
 * state are 48 px or more (see {@link WallLayout}); a larger fleet takes turns, each turn {@link #TURN} long, so
 * that every tile shown is readable from 3 m rather than a hundred tiles none of which is.
 *
 * <p>Trouble is never the part that waits: every SBC in trouble (not reachable, stale, or with an unacknowledged
 * alarm), the worst first, is on every turn, and the healthy ones share the tiles left, a slice per turn. Only
 * when more SBCs are in trouble than the screen holds do they take turns too, and the healthy ones wait until
 * there is room.
 *
 * @param rows the SBCs shown this turn, trouble first
 * @param turn this turn, from 1
 * @param turns how many turns show every SBC that takes turns
 * @param troubled how many SBCs are in trouble
 * @param unshown how many SBCs this turn leaves out
 */
public record WallTurns(List<FleetView.Row> rows, int turn, int turns, int troubled, int unshown) {

	/** The most tiles a 1920 × 1080 screen shows with name and worst state at 48 px. */
	static final int MOST = 20;

	/** How long one turn shows. */
	static final Duration TURN = Duration.ofSeconds(15);

	public WallTurns {
		rows = List.copyOf(rows);
	}

	/** The turn of {@code now}: turns follow the clock, so every screen and every refresh agree on it. */
	public static WallTurns of(List<FleetView.Row> fleet, Instant now) {
		return of(fleet, now.getEpochSecond() / TURN.toSeconds());
	}

	static WallTurns of(List<FleetView.Row> fleet, long tick) {
		List<FleetView.Row> troubled = new ArrayList<>();
		List<FleetView.Row> healthy = new ArrayList<>();
		for (FleetView.Row row : fleet) {
			(inTrouble(row) ? troubled : healthy).add(row);
		}
		troubled.sort(Comparator.comparingInt(WallTurns::severity));
		if (fleet.size() <= MOST) {
			List<FleetView.Row> all = new ArrayList<>(troubled);
			all.addAll(healthy);
			return new WallTurns(all, 1, 1, troubled.size(), 0);
		}
		if (troubled.size() >= MOST) {
			int turns = (troubled.size() + MOST - 1) / MOST;
			int turn = (int) Math.floorMod(tick, turns);
			List<FleetView.Row> shown = troubled.subList(turn * MOST, Math.min(troubled.size(), (turn + 1) * MOST));
			return new WallTurns(shown, turn + 1, turns, troubled.size(), fleet.size() - shown.size());
		}
		int room = MOST - troubled.size();
		int turns = (healthy.size() + room - 1) / room;
		int turn = (int) Math.floorMod(tick, turns);
		List<FleetView.Row> shown = new ArrayList<>(troubled);
		shown.addAll(healthy.subList(turn * room, Math.min(healthy.size(), (turn + 1) * room)));
		return new WallTurns(shown, turn + 1, turns, troubled.size(), fleet.size() - shown.size());
	}

	private static boolean inTrouble(FleetView.Row row) {
		return "critical".equals(row.tone()) || "warning".equals(row.tone());
	}

	private static int severity(FleetView.Row row) {
		return "critical".equals(row.tone()) ? 0 : 1;
	}

	/** Whether the fleet takes turns at all. */
	public boolean turning() {
		return this.turns > 1;
	}

}
