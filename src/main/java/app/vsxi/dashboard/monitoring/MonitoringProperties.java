package app.vsxi.dashboard.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often each SBC is asked for its stats
 * @param pageRefresh how often an open overview page asks the dashboard for fresh rows
 */
@ConfigurationProperties("vsxi.monitoring")
public record MonitoringProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration pageRefresh) {

}
