package app.vsxi.dashboard.monitoring;

import java.util.List;

import app.vsxi.dashboard.fleet.Sbc;

/**
 * What the per-SBC page shows.
 *
 * @param status what the poller last learned; the SBC is waiting for its first poll until then
 * @param administrable whether the viewer may change its connection settings (to link straight to the fix)
 * @param history its latest changes of condition, newest first
 */
public record SbcPage(Sbc sbc, String groupName, SbcStatus status, boolean administrable, List<StateChange> history,
		List<SbcNote> notes) {

}
