package app.vsxi.dashboard.monitoring;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Monitoring settings bound as the application binds them, defaults from the record, some overridden. */
public final class MonitoringSettings {

	private MonitoringSettings() {
	}

	/** E.g. {@code of(Map.of("poll-interval", "7s"))}. */
	public static MonitoringProperties of(Map<String, String> settings) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		settings.forEach((name, value) -> source.put("vsxi.monitoring." + name, value));
		return new Binder(source).bindOrCreate("vsxi.monitoring", MonitoringProperties.class);
	}

}
