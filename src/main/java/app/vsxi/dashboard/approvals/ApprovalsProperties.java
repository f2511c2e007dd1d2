package app.vsxi.dashboard.approvals;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults of the approval settings, until an administrator saves them on the settings page.
 *
 * @param requiredByDefault whether each kind of write needs approval until the settings say otherwise
 * @param applyRowsOver an apply of more rows than this (added, changed and deleted) needs approval
 * @param bulkKillOver a bulk kill of more calls than this needs approval
 * @param expireAfter a pending request, and an approved one not sent, expires after this long
 */
@ConfigurationProperties("vsxi.approvals")
public record ApprovalsProperties(@DefaultValue("true") boolean requiredByDefault,
		@DefaultValue("20") int applyRowsOver, @DefaultValue("10") int bulkKillOver,
		@DefaultValue("8h") Duration expireAfter) {

}
