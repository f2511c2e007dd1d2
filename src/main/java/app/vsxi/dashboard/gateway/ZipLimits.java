package app.vsxi.dashboard.gateway;

/**
 * What a zip from an SBC may hold before the dashboard stops reading it: a zip bomb is refused, not unpacked.
 *
 * @param maxEntries files in the zip
 * @param maxUncompressedBytes all files together, unpacked
 * @param maxRatio unpacked bytes per packed byte, checked once {@code ratioGraceBytes} are unpacked
 */
public record ZipLimits(int maxEntries, long maxUncompressedBytes, int maxRatio, long ratioGraceBytes) {

	/**
	 * Generous for a million routes (a few hundred MB of XML), far below what a bomb unpacks to. Entries: a box may
	 * split a table into chunks (5,000 routes each in the SOAP era, so 200 for a million), never into this many.
	 */
	public static final ZipLimits DEFAULT = new ZipLimits(10_000, 4L * 1024 * 1024 * 1024, 200, 1024 * 1024);

}
