package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What a simulated box knows: its API users, its tables and its live counters. */
final class VsxiState {

	private final LiveStats stats;

	private final List<Map<String, Object>> resources;

	private final Map<String, ApiUser> users;

	private final StatsGeneration statsGeneration;

	VsxiState(String name, Random seed, SimulatorProperties properties) {
		this.stats = new LiveStats(name, seed);
		this.resources = new ArrayList<>(SeedData.resources(seed, 4 + seed.nextInt(5)));
		this.users = Map.of(properties.username(), new ApiUser(properties.password(), true));
		this.statsGeneration = properties.statsGeneration();
	}

	LiveStats stats() {
		return this.stats;
	}

	synchronized List<Map<String, Object>> resources() {
		return List.copyOf(this.resources);
	}

	ApiUser user(String username) {
		return this.users.get(username);
	}

	StatsGeneration statsGeneration() {
		return this.statsGeneration;
	}

	String haState() {
		return "active";
	}

	record ApiUser(String password, boolean readWrite) {
	}

}
