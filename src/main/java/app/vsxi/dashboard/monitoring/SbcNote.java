package app.vsxi.dashboard.monitoring;

/**
 * What another feature knows of an SBC that its page and the overview show beside the polled figures, e.g. the
 * age of its last good backup.
 *
 * @param label what the note is about, e.g. "Backups"
 * @param text the note, e.g. "last good backup 3 h ago"
 * @param href where the operator reads more
 * @param warning whether it needs attention: the overview shows only these
 */
public record SbcNote(String label, String text, String href, boolean warning) {
}
