package app.vsxi.dashboard.tables;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.StartEarly;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft of 75,000 routes exported as CSV, XML and JSON in a child JVM capped at {@code -Xmx24m}: the draft as
 * rows is several times that heap, and the XML and JSON files are each larger than it, so if the export held the
 * draft (or a file) whole, that JVM would die of OutOfMemoryError and exit non-zero. No timing is asserted.
 */
@StartEarly
class SmallHeapExportTests {

	private static final int ROUTES = 75_000;

	private static final long HEAP_MB = 24;

	@Test
	void aSeventyFiveThousandRouteDraftExportsInEveryFormatInA24MegabyteHeap() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process probe = new ProcessBuilder(List.of(java, "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp",
				System.getProperty("java.class.path"), SmallHeapExportProbe.class.getName(), String.valueOf(ROUTES)))
			.redirectErrorStream(true)
			.start();
		String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(probe.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();

		assertThat(probe.exitValue()).as(output).isZero();
		// one base row deleted, one added
		assertThat(output).contains("csvRows=75000 ", "xmlRows=75000 ", "jsonRows=75000 ", "maxHeapMB=");
		for (String format : List.of("xml", "json")) {
			Matcher size = Pattern.compile(format + "MB=(\\d+)").matcher(output);
			assertThat(size.find()).as(output).isTrue();
			assertThat(Long.parseLong(size.group(1))).as(format + " file larger than the heap").isGreaterThan(HEAP_MB);
		}
	}

}
