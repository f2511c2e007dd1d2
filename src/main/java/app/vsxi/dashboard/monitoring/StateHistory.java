package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every change of condition of every SBC in the database. Changes are written in order on a thread of
 * their own, so a poll never waits for the database.
 */
@Component
public class StateHistory implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StateHistory.class);

	private static final int MAX_DETAIL = 500;

	private final StateChangeRepository changes;

	private final TransactionTemplate transaction;

	private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "sbc-state-history");
		thread.setDaemon(true);
		return thread;
	});

	StateHistory(StateChangeRepository changes, PlatformTransactionManager transactions) {
		this.changes = changes;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The SBC came into the condition of {@code status} at {@code status.since()}. */
	void changed(SbcStatus status) {
		if (status.condition() == Condition.WAITING || status.since() == null) {
			return;
		}
		String problem = status.problem();
		String detail = problem == null || problem.length() <= MAX_DETAIL ? problem : problem.substring(0, MAX_DETAIL);
		StateChange change = new StateChange(null, status.sbcId(), status.condition(), detail, status.since(), null);
		this.writer.execute(() -> {
			try {
				this.transaction.executeWithoutResult(tx -> {
					this.changes.endOpen(change.sbcId(), change.startedAt());
					this.changes.save(change);
				});
			}
			catch (RuntimeException ex) {
				// e.g. the SBC was removed meanwhile: its history went with it
				log.warn("Could not keep the state change of SBC {}: {}", change.sbcId(), ex.getMessage());
			}
		});
	}

	/** The latest changes of one SBC, newest first. */
	public List<StateChange> of(long sbcId) {
		return this.changes.findTop50BySbcIdOrderByStartedAtDescIdDesc(sbcId);
	}

	/** Waits until the changes handed in so far are written; for tests and shutdown. */
	void flush() throws Exception {
		this.writer.submit(() -> {
		}).get(10, TimeUnit.SECONDS);
	}

	@Override
	public void destroy() {
		this.writer.shutdown();
	}

}
