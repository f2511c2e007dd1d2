package app.vsxi.dashboard.monitoring;

/**
 * How the wallboard lays out a fleet of a given size so that the tiles fill the screen and the text is as large as
 * it can be: a grid of {@code cols × rows} equal tiles and what each tile shows, in lines of text.
 *
 * <p>The page sets the grid from {@link #cols()} (rows follow) and sizes the text from each tile's own size
 * (container query units, see {@code wallboard.css}): a line of size {@code u} is {@code 1.2 u} high, so a tile of
 * content height {@code h} showing {@link #lines()} such lines has {@code u = h / (1.25 × lines)}, at most
 * {@code width / 8} (some 13 characters across, an SBC name of 12 shows whole) and 128 px. The SBC's name, its
 * worst state and its calls are a full line each; the rest (CPS and CPU, group and site, one alarm with its value
 * and threshold a line) half a line.
 *
 * <p>The choice is made for a 1920 × 1080 screen; another size keeps the grid and scales the text with it. What
 * it gives there: name, worst state and calls at 48 px or more with at least one alarm line, CPS and CPU, up to
 * 16 SBCs (measured in {@code WallboardBrowserTests}); from 17 SBCs on ({@link #dense()}) a tile has name and
 * worst state as large as fits, calls and the worst alarm with its value on half lines, and 48 px for name and
 * state still up to 20 SBCs. 48 px cannot fit for 100: twelve characters at 48 px take about 320 × 58 px a line,
 * and 100 tiles of two such lines need more than a 1920 × 1080 screen. So the wallboard never lays out more than
 * 20 tiles at once: a larger fleet takes turns ({@link WallTurns}), trouble on every turn.
 *
 * @param alarmLines alarm lines a tile shows; with more alarms the last line says how many more
 * @param secondary whether CPS and CPU show on a line of their own
 * @param where whether group and site show
 * @param dense name and state only on full lines, calls and the worst alarm on half lines
 */
public record WallLayout(int cols, int rows, int alarmLines, boolean secondary, boolean where, boolean dense) {

	/** The size the layout is chosen for. */
	static final double WIDTH = 1920;

	static final double HEIGHT = 1080;

	/** What the summary line above the tiles takes. */
	static final double SUMMARY = 40;

	/** Padding, border and gap a tile takes across and down, at 1920 × 1080. */
	static final double ACROSS = 32;

	static final double DOWN = 16;

	/** The size aimed for: legible from 3 m. */
	static final double AIM = 48;

	static final double MAX = 128;

	private static final int MOST_ALARM_LINES = 4;

	/** Columns {@code wallboard.css} has a rule for. */
	static final int MOST_COLUMNS = 30;

	/** The layout for {@code count} tiles: as much as fits at {@link #AIM}, else the largest text that fits. */
	public static WallLayout of(int count) {
		int n = Math.max(1, count);
		WallLayout best = null;
		double bestSize = -1;
		for (int cols = 1; cols <= Math.min(n, MOST_COLUMNS); cols++) {
			int rows = (n + cols - 1) / cols;
			if (cols > 1 && (long) (cols - 1) * rows >= n) {
				// a column fewer would hold them all: the same rows, wider tiles
				continue;
			}
			for (int alarms = MOST_ALARM_LINES; alarms >= 1; alarms--) {
				for (boolean where : new boolean[] { true, false }) {
					WallLayout roomy = new WallLayout(cols, rows, alarms, true, where, false);
					double size = roomy.size();
					if (size >= AIM && (best == null || best.dense || roomy.richer(best)
							|| roomy.sameAs(best) && size > bestSize)) {
						best = roomy;
						bestSize = size;
					}
				}
			}
			WallLayout dense = new WallLayout(cols, rows, 1, false, false, true);
			if (best == null || best.dense && dense.size() > bestSize) {
				best = dense;
				bestSize = dense.size();
			}
		}
		return best;
	}

	/** Lines of text a tile holds, in full lines. */
	public double lines() {
		if (this.dense) {
			return 2 + 0.5 + 0.5;
		}
		return 3 + (this.secondary ? 0.5 : 0) + (this.where ? 0.5 : 0) + 0.5 * this.alarmLines;
	}

	/** The size of a full line at 1920 × 1080, in px. */
	double size() {
		double height = (HEIGHT - SUMMARY) / this.rows - DOWN;
		double width = WIDTH / this.cols - ACROSS;
		return Math.min(MAX, Math.min(height / (1.25 * lines()), width / 8));
	}

	private boolean richer(WallLayout other) {
		return this.alarmLines > other.alarmLines || this.alarmLines == other.alarmLines && this.where && !other.where;
	}

	private boolean sameAs(WallLayout other) {
		return this.alarmLines == other.alarmLines && this.where == other.where;
	}

	/**
	 * {@link #lines()} as the page's {@code data-lines} attribute, e.g. {@code 4.5} or {@code 3}: the policy allows
	 * no inline style, so {@code wallboard.css} maps each value (and each column count) to its custom property.
	 */
	public String linesAttribute() {
		double lines = lines();
		return lines == Math.rint(lines) ? Long.toString((long) lines) : Double.toString(lines);
	}

}
