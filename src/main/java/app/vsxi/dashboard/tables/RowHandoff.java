package app.vsxi.dashboard.tables;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Rows handed from the thread that parses a download to a thread of their own that takes them in (packs and
 * indexes them), in batches through a short queue: on a large table the parser alone is a core's work, so the
 * taking no longer adds to it. Rows are taken in the order they were handed over. What the taker throws reaches
 * the parser at its next row, or {@link #finish()}; closing before the finish stops the taker.
 */
final class RowHandoff implements Consumer<TableRow>, AutoCloseable {

	private static final int BATCH = 512;

	/** Batches waiting: bounds the rows in flight to a few thousand whatever the table's size. */
	private static final int WAITING = 8;

	private static final TableRow[] END = new TableRow[0];

	private final BlockingQueue<TableRow[]> queue = new ArrayBlockingQueue<>(WAITING);

	private final Thread taker;

	private volatile Throwable failure;

	private TableRow[] batch = new TableRow[BATCH];

	private int filled;

	RowHandoff(String name, Consumer<TableRow> take) {
		this.taker = new Thread(() -> take(take), name);
		this.taker.setDaemon(true);
		this.taker.start();
	}

	private void take(Consumer<TableRow> take) {
		try {
			while (true) {
				TableRow[] rows = this.queue.take();
				if (rows == END) {
					return;
				}
				for (TableRow row : rows) {
					take.accept(row);
				}
			}
		}
		catch (InterruptedException ex) {
			// closed before the finish: the download failed or was abandoned
		}
		catch (RuntimeException | Error ex) {
			this.failure = ex;
			this.queue.clear();
		}
	}

	@Override
	public void accept(TableRow row) {
		this.batch[this.filled++] = row;
		if (this.filled == BATCH) {
			send(this.batch);
			this.batch = new TableRow[BATCH];
			this.filled = 0;
		}
	}

	/** Waits until every row handed over was taken; throws what the taker threw, if it did. */
	void finish() {
		if (this.filled > 0) {
			send(java.util.Arrays.copyOf(this.batch, this.filled));
			this.filled = 0;
		}
		send(END);
		try {
			this.taker.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the last rows were taken in", ex);
		}
		rethrow();
	}

	private void send(TableRow[] rows) {
		try {
			while (!this.queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
				rethrow();
				if (!this.taker.isAlive()) {
					throw new IllegalStateException("the rows' taker stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while handing rows over", ex);
		}
		rethrow();
	}

	private void rethrow() {
		Throwable failed = this.failure;
		if (failed instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failed instanceof Error error) {
			throw error;
		}
	}

	@Override
	public void close() {
		if (this.taker.isAlive()) {
			this.taker.interrupt();
		}
	}

}
