package app.vsxi.dashboard.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard talks to SBCs.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for an answer once connected
 * @param maxConnectionsPerSbc concurrent requests one SBC may hold; further ones queue for it alone
 */
@ConfigurationProperties("vsxi.gateway")
public record GatewayProperties(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("4") int maxConnectionsPerSbc) {

}
