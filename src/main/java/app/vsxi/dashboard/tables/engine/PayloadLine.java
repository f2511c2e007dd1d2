package app.vsxi.dashboard.tables.engine;

/**
 * One line of a payload as the preview shows it.
 *
 * @param changed the line holds a field the draft changed
 */
public record PayloadLine(String text, boolean changed) {
}
