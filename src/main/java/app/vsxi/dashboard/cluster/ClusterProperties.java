package app.vsxi.dashboard.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instanceName how this instance is named among the others (a random suffix is added at every start, so a
 *     restarted instance never takes the leases of the one it replaces for its own); the host name when unset
 * @param lease how long an instance owns an SBC without renewing it: an instance that died hard has its SBCs taken
 *     over once this ran out and the next lease round came
 * @param renewEvery how often each instance renews its leases, writes its heartbeat and sees who else is alive
 */
@ConfigurationProperties("vsxi.cluster")
public record ClusterProperties(String instanceName, @DefaultValue("10s") Duration lease,
		@DefaultValue("2s") Duration renewEvery) {

	public ClusterProperties {
		if (lease.compareTo(renewEvery.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("vsxi.cluster.lease (" + lease + ") must be at least twice "
					+ "vsxi.cluster.renew-every (" + renewEvery + "), or leases run out between two renewals");
		}
	}

}
