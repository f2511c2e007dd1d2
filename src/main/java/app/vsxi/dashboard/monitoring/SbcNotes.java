package app.vsxi.dashboard.monitoring;

import java.util.List;

/** A source of notes about SBCs (see {@link SbcNote}); read on every overview, so it must answer from memory. */
public interface SbcNotes {

	List<SbcNote> notes(long sbcId);

	/** Every source's notes about the SBC, in the sources' order. */
	static List<SbcNote> of(List<SbcNotes> sources, long sbcId) {
		if (sources.isEmpty()) {
			return List.of();
		}
		List<SbcNote> notes = new java.util.ArrayList<>();
		sources.forEach(source -> notes.addAll(source.notes(sbcId)));
		return notes;
	}

}
