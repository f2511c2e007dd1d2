package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A bounded ring of timed figures: the oldest sample goes when a new one comes and the ring is full. */
public final class Series {

	/** Bytes per sample: a time and a value, 8 bytes each. */
	public static final int BYTES_PER_SAMPLE = 16;

	private final long[] times;

	private final double[] values;

	private int next;

	private int size;

	public Series(int capacity) {
		this.times = new long[capacity];
		this.values = new double[capacity];
	}

	public synchronized void add(Instant at, double value) {
		this.times[this.next] = at.toEpochMilli();
		this.values[this.next] = value;
		this.next = (this.next + 1) % this.times.length;
		this.size = Math.min(this.size + 1, this.times.length);
	}

	/** Oldest first. */
	public synchronized List<Sample> samples() {
		List<Sample> samples = new ArrayList<>(this.size);
		int first = (this.next - this.size + this.times.length) % this.times.length;
		for (int i = 0; i < this.size; i++) {
			int at = (first + i) % this.times.length;
			samples.add(new Sample(Instant.ofEpochMilli(this.times[at]), this.values[at]));
		}
		return samples;
	}

	public synchronized int size() {
		return this.size;
	}

	public int capacity() {
		return this.times.length;
	}

	public record Sample(Instant at, double value) {
	}

}
