package app.vsxi.dashboard.simulator;

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
 * A box seeded with a million routes serves them all as a streamed zip inside a 512 MB heap. The proof runs in a
 * child JVM started with {@code -Xmx512m}: if the simulator needed more, that JVM would fail with
 * OutOfMemoryError. No timing is asserted.
 */
@StartEarly
class RouteScaleTests {

	private static final int ROUTES = 1_000_000;

	@Test
	void aMillionRoutesDownloadAsAZipInsideA512MegabyteHeap() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process probe = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				RouteScaleProbe.class.getName(), String.valueOf(ROUTES)))
			.redirectErrorStream(true)
			.start();
		String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(probe.waitFor(10, TimeUnit.MINUTES)).isTrue();

		assertThat(probe.exitValue()).as(output).isZero();
		Matcher result = Pattern.compile("status=(\\d+) entry=(\\S+) routes=(\\d+) peakHeapMB=(\\d+) maxHeapMB=(\\d+)")
			.matcher(output);
		assertThat(result.find()).as(output).isTrue();
		System.out.println("Route scale probe: " + result.group());
		assertThat(result.group(1)).isEqualTo("200");
		assertThat(result.group(2)).isEqualTo("route.xml");
		assertThat(Long.parseLong(result.group(3))).isEqualTo(ROUTES);
		assertThat(Long.parseLong(result.group(5))).isLessThanOrEqualTo(512);
		assertThat(Long.parseLong(result.group(4))).isLessThan(512);
	}

}
