package app.vsxi.dashboard;

import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Every feature of the dashboard. Left out in the standalone simulator, which needs no database, no login and
 * no fleet; the simulator package is wired by {@link app.vsxi.dashboard.simulator.SimulatorConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!simulator")
@EnableScheduling
@ComponentScan(excludeFilters = {
		@ComponentScan.Filter(type = FilterType.REGEX, pattern = "app\\.vsxi\\.dashboard\\.simulator\\..*"),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class) })
class DashboardConfiguration {

}
