package app.vsxi.dashboard.cluster;

import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the sessions that expired, once a minute, on one instance at a time. Spring Session's own clean-up runs on
 * every instance and is turned off ({@code spring.session.jdbc.cleanup-cron=-}).
 */
@Component
public class SessionCleanup {

	private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

	SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		this.sessions = sessions;
	}

	@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
	@SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT5M")
	public void run() {
		// none where the container keeps the sessions (some tests)
		this.sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
	}

}
