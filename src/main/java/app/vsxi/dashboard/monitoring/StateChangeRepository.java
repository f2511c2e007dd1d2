package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface StateChangeRepository extends ListCrudRepository<StateChange, Long> {

	List<StateChange> findTop50BySbcIdOrderByStartedAtDescIdDesc(long sbcId);

	@Modifying
	@Query("UPDATE state_change SET ended_at = :at WHERE sbc_id = :sbcId AND ended_at IS NULL")
	void endOpen(long sbcId, Instant at);

	/** Deletes the changes that ended before {@code before}; an SBC's current condition never ends, so it stays. */
	@Modifying
	@Query("DELETE FROM state_change WHERE ended_at < :before")
	int deleteEndedBefore(Instant before);

}
