package app.vsxi.dashboard.gateway;

/**
 * The element names of a VSXi table document: {@code <root><item>…</item>…</root>} in XML,
 * {@code {"root":{"item":[…]}}} in JSON. Either may be null where a format has none (CSV) or a document had no
 * entry to show it.
 */
public record ElementNames(String root, String item) {
}
