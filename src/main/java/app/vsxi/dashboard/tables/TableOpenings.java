package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.FieldValues;

/**
 * Downloads that open a table into a draft, run in the background so the operator watches the rows arrive instead
 * of a page that hangs for minutes. One per user, SBC and table at a time: asking again while it runs shows the
 * same download. A finished one is kept a while so its page can still say how it ended. The instance running a
 * download writes how far it got to the database every second ({@link OpeningsAtRest}), so the page that polls it
 * may reach any instance, and the limits hold for a user across all of them.
 */
@Component
public class TableOpenings implements DisposableBean {

	private static final Duration KEPT = Duration.ofMinutes(15);

	private final DraftOpening opening;

	private final ExecutorService workers;

	private final Map<String, Opening> openings = new ConcurrentHashMap<>();

	private final DraftLimits limits;

	private final int perUser;

	private final OpeningsAtRest atRest;

	private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "table-download-progress");
		thread.setDaemon(true);
		return thread;
	});

	TableOpenings(DraftOpening opening, TablesProperties properties, DraftLimits limits, OpeningsAtRest atRest) {
		this.opening = opening;
		this.limits = limits;
		this.atRest = atRest;
		this.reporter.scheduleWithFixedDelay(this::report, 1, 1, TimeUnit.SECONDS);
		this.perUser = Math.max(1, properties.downloadsPerUser());
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(Math.max(1, properties.parallelDownloads()), task -> {
			Thread thread = new Thread(task, "table-download-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Starts downloading {@code table} into a new draft for the current user, or finds the download running. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Download start(long sbcId, String table) {
		EditableTable editable = EditableTable.named(table)
			.orElseThrow(() -> new TableEditorException("The editor has no table " + table));
		String owner = Actor.current();
		Instant now = Instant.now();
		if (editable.writeOnly()) {
			this.limits.requireRoomFor(owner, (int) this.atRest.runningOf(owner));
			// nothing to download: the draft is there at once (or the refusal, for one who may not operate the SBC)
			DraftOpening.Opened.Draft draft = (DraftOpening.Opened.Draft) this.opening.open(sbcId, table);
			Opening opened = new Opening(UUID.randomUUID().toString(), owner, sbcId, editable, now);
			opened.ended = new Ended(draft.id(), null, now);
			this.atRest.started(opened.progress(), owner, now.toEpochMilli());
			this.openings.put(opened.id, opened);
			return opened;
		}
		this.openings.values().removeIf(old -> old.finishedAt() != null && old.finishedAt().plus(KEPT).isBefore(now));
		Opening opening;
		synchronized (this.openings) {
			Opening running = this.openings.values().stream()
				.filter(each -> each.running() && each.owner.equals(owner) && each.sbcId == sbcId
						&& each.editable.table().equals(table))
				.findFirst()
				.orElse(null);
			if (running != null) {
				return running;
			}
			Optional<String> elsewhere = this.atRest.running(owner, sbcId, table);
			if (elsewhere.isPresent()) {
				// running on another instance: the page follows that one
				return find(sbcId, elsewhere.get());
			}
			// the database knows every instance's, this one's included
			long mine = this.atRest.runningOf(owner);
			if (mine >= this.perUser) {
				throw new TableEditorException("You already have " + mine + " table downloads waiting or running, the "
						+ "most one user may (vsxi.tables.downloads-per-user): wait for one to finish");
			}
			this.limits.requireRoomFor(owner, (int) mine);
			opening = new Opening(UUID.randomUUID().toString(), owner, sbcId, editable, now);
			// in the database first: one it refused is no download here either
			this.atRest.started(opening.progress(), owner, now.toEpochMilli());
			this.openings.put(opening.id, opening);
		}
		Opening started = opening;
		this.workers.execute(new DelegatingSecurityContextRunnable(() -> run(started),
				SecurityContextHolder.getContext()));
		return opening;
	}

	/** A download of the current user's on that SBC, run by this instance or another. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Download find(long sbcId, String id) {
		Opening opening = this.openings.get(id);
		if (opening != null) {
			if (opening.sbcId != sbcId || !opening.owner.equals(Actor.current())) {
				throw new TableEditorException("No such download of a table on this SBC; open the table again");
			}
			return opening;
		}
		return this.atRest.find(Actor.current(), sbcId, id, Instant.now().toEpochMilli()).<Download>map(Elsewhere::new)
			.orElseThrow(() -> new TableEditorException("No such download of a table on this SBC; open the table again"));
	}

	/** Tells the database how far this instance's running downloads got, for pages polling another instance. */
	private void report() {
		for (Opening running : this.openings.values()) {
			if (running.running()) {
				try {
					this.atRest.progressed(running.progress(), null);
				}
				catch (RuntimeException ex) {
					// the next second tries again; the page on this instance reads the download itself meanwhile
				}
			}
		}
	}

	private void run(Opening opening) {
		Long draftId = null;
		String failure;
		try {
			DraftOpening.Opened opened = this.opening.open(opening.sbcId, opening.editable.table(), opening::arrived);
			if (opened instanceof DraftOpening.Opened.Draft draft) {
				draftId = draft.id();
				failure = null;
			}
			else {
				failure = ((DraftOpening.Opened.Failed) opened).error().message();
			}
		}
		catch (RuntimeException ex) {
			failure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		}
		catch (OutOfMemoryError ex) {
			// the partial table is garbage now; the page must say so rather than show a download running forever
			failure = "the dashboard ran out of memory for a table this size (see vsxi.tables.open-drafts and the "
					+ "heap size in docs/operating.md)";
		}
		// one write, so a reader never sees a download finished without its outcome
		Ended ended = new Ended(draftId, failure, Instant.now());
		opening.ended = ended;
		try {
			this.atRest.progressed(opening.progress(), ended.at().toEpochMilli());
		}
		catch (RuntimeException ex) {
			// this instance's page knows the outcome; another's sees the download as lost once it falls silent
		}
	}

	private record Ended(Long draftId, String failure, Instant at) {
	}

	@Override
	public void destroy() {
		this.reporter.shutdownNow();
		this.workers.shutdownNow();
	}

	/** A download as a page follows it, on whichever instance it runs. */
	public interface Download {

		String id();

		/** Where the download stands now, read once so that a page shows one consistent moment. */
		Progress progress();

	}

	/** A download another instance runs, as it last told the database. */
	record Elsewhere(Progress progress) implements Download {

		@Override
		public String id() {
			return this.progress.id();
		}

	}

	/** One download: how many rows have arrived, the first of them, and how it ended. */
	public static final class Opening implements Download {

		/** The rows the page shows while the rest arrive: a screenful, so the operator sees the table coming. */
		static final int FIRST_ROWS = 20;

		private final String id;

		private final String owner;

		private final long sbcId;

		private final EditableTable editable;

		private final Instant startedAt;

		private final AtomicLong rows = new AtomicLong();

		/** The first rows as they arrived, secret values masked: the page shows them to whoever opened the table. */
		private final List<TableRow> first = new ArrayList<>();

		private volatile Ended ended;

		Opening(String id, String owner, long sbcId, EditableTable editable, Instant startedAt) {
			this.id = id;
			this.owner = owner;
			this.sbcId = sbcId;
			this.editable = editable;
			this.startedAt = startedAt;
		}

		/** A row arrived: counted, and kept while it is one of the first. */
		void arrived(TableRow row) {
			if (this.rows.incrementAndGet() <= FIRST_ROWS) {
				TableRow shown = SecretFields.mask(this.editable, row);
				synchronized (this.first) {
					this.first.add(shown);
				}
			}
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public Progress progress() {
			Ended end = this.ended;
			long rows = this.rows.get();
			Instant until = end == null ? Instant.now() : end.at();
			List<TableRow> first;
			synchronized (this.first) {
				first = List.copyOf(this.first);
			}
			return new Progress(this.id, this.sbcId, this.editable.table(), rows,
					Duration.between(this.startedAt, until).toSeconds(), end == null ? null : end.draftId(),
					end == null ? null : end.failure(), Arrived.of(first));
		}

		boolean running() {
			return this.ended == null;
		}

		Instant finishedAt() {
			Ended end = this.ended;
			return end == null ? null : end.at();
		}

	}

	/**
	 * @param rows rows received so far
	 * @param draftId the new draft once the download is in; null before or on failure
	 * @param failure why the download failed, in the gateway's words; null unless it did
	 */
	public record Progress(String id, long sbcId, String table, long rows, long seconds, Long draftId, String failure,
			Arrived arrived) {

		public boolean running() {
			return this.draftId == null && this.failure == null;
		}

	}

	/**
	 * The first rows of a download as the page lists them: the columns the rows have, in the order they first
	 * appear, and each row's cells as the draft page shows them (empty where a row lacks the field).
	 */
	public record Arrived(List<String> columns, List<List<String>> rows) {

		static Arrived of(List<TableRow> first) {
			java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
			first.forEach(row -> columns.addAll(row.fields().keySet()));
			List<List<String>> rows = first.stream()
				.map(row -> columns.stream()
					.map(column -> row.has(column) ? FieldValues.display(row.get(column)) : "")
					.toList())
				.toList();
			return new Arrived(List.copyOf(columns), rows);
		}

	}

}
