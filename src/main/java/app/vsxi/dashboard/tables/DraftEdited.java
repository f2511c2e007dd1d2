package app.vsxi.dashboard.tables;

/** A draft's edits changed: whatever was asked or approved for it no longer holds. */
public record DraftEdited(long draftId, String by) {
}
