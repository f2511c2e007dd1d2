package app.vsxi.dashboard.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;

/** The figures every benchmark prints: medians, percentiles and spreads of its rounds, and this JVM's peak heap. */
final class Figures {

	private Figures() {
	}

	/** The middle value, or the mean of the two middle ones; NaN for no values. */
	static double median(List<Double> values) {
		double[] sorted = sorted(values);
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The nearest-rank percentile: the smallest value at least {@code percent}% of the values do not exceed. */
	static double percentile(List<Double> values, int percent) {
		double[] sorted = sorted(values);
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
	}

	static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/** The heap pools' peak use since the JVM started or their peaks were last reset, in MB. */
	static double peakHeapMegabytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum() / 1048576.0;
	}

	/**
	 * The heap in use, polled every 5 ms on a thread of its own from now until {@link HeapPeak#megabytes} is
	 * asked: the real peak, where the pools' peaks summed ({@link #peakHeapMegabytes}) add up maxima of
	 * different moments.
	 */
	static HeapPeak pollHeap() {
		return new HeapPeak();
	}

	static final class HeapPeak {

		private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

		private volatile boolean polling = true;

		HeapPeak() {
			java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			Thread poller = new Thread(() -> {
				while (this.polling) {
					this.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-poller");
			poller.setDaemon(true);
			poller.start();
		}

		/** The highest use seen, in MB; polling stops. */
		double megabytes() {
			this.polling = false;
			return this.peak.get() / 1048576.0;
		}

	}

	private static double[] sorted(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
	}

}
