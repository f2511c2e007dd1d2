package app.vsxi.dashboard.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Simulated boxes in a child JVM on this machine ({@link SimulatedFleet}), asked over its stdin and stdout, so the
 * JVM that measures carries none of their heap or threads.
 */
final class FleetApart implements AutoCloseable {

	private final Process process;

	private final BufferedReader out;

	private final PrintWriter in;

	private final List<String> names = new ArrayList<>();

	private final List<String> urls = new ArrayList<>();

	private final List<String> fingerprints = new ArrayList<>();

	/** Starts {@code count} boxes in a JVM with {@code heap} (e.g. "2g") and waits until all listen. */
	FleetApart(int count, String heap) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.process = new ProcessBuilder(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
				SimulatedFleet.class.getName(), Integer.toString(count))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		this.out = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new PrintWriter(this.process.getOutputStream(), true, StandardCharsets.UTF_8);
		for (String line = this.out.readLine(); !"ready".equals(line); line = this.out.readLine()) {
			if (line == null) {
				throw new IllegalStateException("the simulated boxes stopped before they were all listening");
			}
			String[] box = line.split(" ");
			if (box.length == 4 && "box".equals(box[0])) {
				this.names.add(box[1]);
				this.urls.add(box[2]);
				this.fingerprints.add(box[3]);
			}
		}
	}

	List<String> names() {
		return this.names;
	}

	List<String> urls() {
		return this.urls;
	}

	List<String> fingerprints() {
		return this.fingerprints;
	}

	long pid() {
		return this.process.pid();
	}

	/** Requests all boxes served so far. */
	synchronized long served() throws IOException {
		return ask("served");
	}

	/** How many of the named boxes were asked for their realtime stats after {@code epochMillis}. */
	synchronized int realtimeAfter(long epochMillis, List<String> names) throws IOException {
		return (int) ask("realtime-after " + epochMillis + " " + String.join(",", names));
	}

	private long ask(String command) throws IOException {
		this.in.println(command);
		for (String line = this.out.readLine(); line != null; line = this.out.readLine()) {
			if (line.matches("\\d+")) {
				return Long.parseLong(line);
			}
		}
		throw new IllegalStateException("the simulated boxes stopped");
	}

	/** Closing its stdin ends the child, which closes every port at once. */
	@Override
	public void close() {
		this.in.close();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroy();
		}
	}

}
