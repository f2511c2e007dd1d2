package app.vsxi.dashboard.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit settings.
 *
 * @param chainKey base64 of the HMAC-SHA256 key (32 bytes or more) that seals the audit trail's chain; it lives
 * outside the database, so whoever owns the database still cannot recompute the seals
 */
@ConfigurationProperties("vsxi.audit")
public record AuditProperties(String chainKey) {

	/** The key demo mode ships with: it is in the jar, so it protects nothing and is refused anywhere else. */
	static final String DEMO_CHAIN_KEY = "ZGVtby1vbmx5LWF1ZGl0LWNoYWluLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

}
