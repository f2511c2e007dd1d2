package app.vsxi.dashboard.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sbcs the simulated boxes to start; port 0 picks a free one
 */
// registered by the configuration that uses it, never found by the dashboard's scan
@Profile("demo")
@ConfigurationProperties("vsxi.demo")
public record DemoProperties(@DefaultValue List<DemoSbc> sbcs) {

	/**
	 * @param group the SBC group it is put in, created if missing
	 */
	public record DemoSbc(String name, int port, String siteLabel, @DefaultValue("Demo") String group) {
	}

}
