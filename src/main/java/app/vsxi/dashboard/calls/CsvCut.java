package app.vsxi.dashboard.calls;

import java.util.List;

/**
 * A kill cut from the box's CSV.
 *
 * @param body what is sent, byte for byte the box's
 * @param targets the calls it names, by {@link CallIdentity#key}
 * @param header whether it starts with the box's header line
 */
public record CsvCut(byte[] body, List<String> targets, boolean header) {

	/** Which CSV was sent, in words. */
	public String layout() {
		return this.header ? "CSV: the box's header line and the calls' lines"
				: "CSV: the calls' lines only, as the box writes its CSV without a header line";
	}

}
