package app.vsxi.dashboard.tables;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param largeAbove a write of more rows than this uses the table's Large (zipped) action where it has one
 * @param plainLimit the most entries one plain write carries (the API takes at most 5,000)
 * @param snapshotsKept snapshots kept per SBC and table; older ones are dropped after each apply
 * @param openDrafts drafts kept indexed in memory for browsing; others are reloaded from the database
 * @param pageSize rows per page when browsing
 * @param parallelDownloads table downloads into new drafts run at once; more wait their turn
 * @param downloadsPerUser downloads into new drafts one user may have waiting or running at once
 * @param draftsPerUser drafts one user may keep, on all SBCs together
 * @param draftExpiry a draft nobody changed for this long is deleted (and audited as expired)
 * @param importRows the most rows one imported file may hold
 */
@ConfigurationProperties("vsxi.tables")
public record TablesProperties(@DefaultValue("1000") int largeAbove, @DefaultValue("5000") int plainLimit,
		@DefaultValue("20") int snapshotsKept, @DefaultValue("4") int openDrafts, @DefaultValue("50") int pageSize,
		@DefaultValue("2") int parallelDownloads, @DefaultValue("3") int downloadsPerUser,
		@DefaultValue("20") int draftsPerUser, @DefaultValue("7d") Duration draftExpiry,
		@DefaultValue("100000") int importRows) {

}
