package app.vsxi.dashboard.monitoring;

import java.util.List;

/** A source of notes about SBCs (see {@link SbcNote}); read on every overview, so it must answer from memory. */
public interface SbcNotes {

	List<SbcNote> notes(long sbcId);

}
