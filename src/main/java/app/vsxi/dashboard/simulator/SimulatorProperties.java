package app.vsxi.dashboard.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of simulated VSXi boxes.
 *
 * @param username API user with read/write rights on every simulated box
 * @param password that user's password
 * @param bindAddress where simulated boxes listen; loopback unless a lab needs them reachable from elsewhere
 * @param statsGeneration which firmware generation's stats dump to imitate
 * @param seedRoutes routes each box starts with; 0 lets every box pick a few hundred of its own
 * @param keystore PKCS12 file that keeps the standalone box's key and certificate across restarts, made on first
 * start; empty: a fresh certificate on every start (the demo fleet's and the tests' boxes)
 * @param keystorePassword that file's password
 * @param freshCertificate replace the certificate in the keystore with a new one at start, as a box given a new
 * certificate would
 */
// registered by the configuration that uses it, never found by the dashboard's scan
@Profile({ "demo", "simulator" })
@ConfigurationProperties("vsxi.simulator")
public record SimulatorProperties(@DefaultValue("admin") String username, @DefaultValue("admin") String password,
		@DefaultValue("127.0.0.1") String bindAddress, @DefaultValue("OLDER") StatsGeneration statsGeneration,
		@DefaultValue("0") int seedRoutes, @DefaultValue("") String keystore,
		@DefaultValue("simulator") String keystorePassword, @DefaultValue("false") boolean freshCertificate) {

	@ConstructorBinding
	public SimulatorProperties {
	}

	public SimulatorProperties(String username, String password, String bindAddress, StatsGeneration statsGeneration,
			int seedRoutes) {
		this(username, password, bindAddress, statsGeneration, seedRoutes, "", "simulator", false);
	}

	public SimulatorProperties(String username, String password, String bindAddress, StatsGeneration statsGeneration) {
		this(username, password, bindAddress, statsGeneration, 0);
	}

}
