package app.vsxi.dashboard.audit;

import java.util.function.Supplier;

/**
 * The change the current thread works for: every audit event recorded inside {@link #run} carries its id, so one
 * change set, or one write that needed approval, can be read back from the trail as a whole.
 */
public final class ChangeScope {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private ChangeScope() {
	}

	/** The change id in force on this thread, or null. */
	public static String current() {
		return CURRENT.get();
	}

	/** Runs {@code work} with {@code changeId} in force (none when null), restoring what was in force before. */
	public static <T> T run(String changeId, Supplier<T> work) {
		String before = CURRENT.get();
		if (changeId != null) {
			CURRENT.set(changeId);
		}
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

	/** Puts {@code changeId} in force (none when null) until the returned scope is closed. */
	public static Scope open(String changeId) {
		String before = CURRENT.get();
		if (changeId != null) {
			CURRENT.set(changeId);
		}
		return () -> {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		};
	}

	/** A change id in force until closed. */
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	public static void run(String changeId, Runnable work) {
		run(changeId, () -> {
			work.run();
			return null;
		});
	}

}
