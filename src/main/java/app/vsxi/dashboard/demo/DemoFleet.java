package app.vsxi.dashboard.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The simulated fleet of demo mode. The dashboard started these boxes itself, so it knows their certificates
 * and registers them already confirmed; real SBCs are confirmed by an administrator.
 */
public class DemoFleet implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

	private final DemoProperties properties;

	private final SimulatorProperties simulator;

	private final FleetService fleet;

	private final Map<String, SimulatedVsxi> boxes = new LinkedHashMap<>();

	public DemoFleet(DemoProperties properties, SimulatorProperties simulator, FleetService fleet) {
		this.properties = properties;
		this.simulator = simulator;
		this.fleet = fleet;
	}

	@Override
	public void afterPropertiesSet() {
		try {
			for (DemoProperties.DemoSbc sbc : this.properties.sbcs()) {
				SimulatedVsxi box = new SimulatedVsxi(sbc.name(), sbc.port(), this.simulator);
				this.boxes.put(sbc.name(), box);
				box.start();
				this.fleet.register(sbc.name(), box.baseUrl(), this.simulator.username(), this.simulator.password(),
						sbc.siteLabel(), sbc.group(), box.certificateFingerprint());
			}
		}
		catch (RuntimeException ex) {
			// a half-started demo must not keep the JVM alive with listening ports
			destroy();
			throw ex;
		}
		log.info("Demo mode: {} simulated SBCs running; log in at the dashboard as admin / admin", this.boxes.size());
	}

	/** A running demo box by name, e.g. to stop it and watch the overview react. */
	public SimulatedVsxi box(String name) {
		SimulatedVsxi box = this.boxes.get(name);
		if (box == null) {
			throw new IllegalArgumentException("No demo SBC named " + name);
		}
		return box;
	}

	@Override
	public void destroy() {
		this.boxes.values().forEach(SimulatedVsxi::stop);
	}

}
