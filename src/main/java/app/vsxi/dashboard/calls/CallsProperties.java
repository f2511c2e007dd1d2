package app.vsxi.dashboard.calls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize calls or registrations shown per page
 * @param pageRefresh how often an open calls or registrations page asks for fresh rows
 * @param bulkKillMax the most calls one bulk kill may end; a filter matching more is refused
 * @param fleetWait how long the fleet-wide search waits for one SBC before marking it slow
 * @param shareFor how long one answer of a box is shared by everyone watching the same list, so that many
 *        viewers do not each fetch thousands of calls
 * @param confirmWithin how long a shown kill or delete preview may be confirmed
 * @param pendingPerUser how many kill previews, and as many registration-delete previews, one user may have waiting;
 *        a newer one drops their oldest, so previews cannot pile up in memory
 * @param fleetRefresh how often each SBC's part of the open fleet-wide calls search asks for fresh calls
 */
@ConfigurationProperties("vsxi.calls")
public record CallsProperties(@DefaultValue("50") int pageSize, @DefaultValue("5s") Duration pageRefresh,
		@DefaultValue("100") int bulkKillMax, @DefaultValue("8s") Duration fleetWait,
		@DefaultValue("2s") Duration shareFor, @DefaultValue("5m") Duration confirmWithin,
		@DefaultValue("5") int pendingPerUser, @DefaultValue("10s") Duration fleetRefresh) {

}
