package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.vsxi.dashboard.support.FakeSbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request as it must go on the wire, read from {@code src/test/resources/wire/} (layout in the README there):
 * its source tag, request line, headers and body.
 */
record WireFixture(String name, String tag, String method, String pathAndQuery, Map<String, String> headers,
		byte[] body) {

	private static final Pattern TAG = Pattern.compile("^\\[(seed|client|inferred)\\]");

	static WireFixture load(String name) {
		String text = new String(bytes(name), StandardCharsets.UTF_8);
		int headEnd = text.indexOf("\n\n");
		String[] head = text.substring(0, headEnd).split("\n");
		String body = text.substring(headEnd + 2);
		body = body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
		Matcher tag = TAG.matcher(head[0]);
		assertThat(tag.find()).as("%s starts with its source tag", name).isTrue();
		String[] request = head[1].split(" ", 2);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 2; i < head.length; i++) {
			String[] header = head[i].split(": ", 2);
			headers.put(header[0], header[1]);
		}
		return new WireFixture(name, tag.group(), request[0], request[1], headers,
				body.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] bytes(String name) {
		try (InputStream in = WireFixture.class.getResourceAsStream("/wire/" + name)) {
			assertThat(in).as("fixture wire/%s", name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The test's display name carries the fixture's tag, so an inferred fixture is visibly inferred. */
	WireFixture taggedIn(String displayName) {
		assertThat(displayName).as("display name of the test using %s", this.name).startsWith(this.tag);
		assertThat(this.name).as("file name of %s", this.name).contains("." + this.tag.substring(1, this.tag.length() - 1) + ".");
		return this;
	}

	/** Method, path with query, Content-Type (or its absence) and body, byte for byte. */
	void assertSent(FakeSbc.Request sent) throws IOException {
		assertThat(sent.method()).as("method").isEqualTo(this.method);
		assertThat(sent.pathAndQuery()).as("path and query").isEqualTo(this.pathAndQuery);
		String contentType = this.headers.get("Content-Type");
		if ("(none)".equals(contentType)) {
			assertThat(sent.header("Content-Type")).as("Content-Type").isNull();
		}
		else {
			assertThat(sent.header("Content-Type")).as("Content-Type").isEqualTo(contentType);
		}
		String entry = this.headers.get("Zip-Entry");
		if (entry == null) {
			assertThat(sent.body()).as("body of %s: %s", this.name, sent.text()).isEqualTo(this.body);
			return;
		}
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(sent.body()))) {
			ZipEntry only = zip.getNextEntry();
			assertThat(only).as("a zip entry").isNotNull();
			assertThat(only.getName()).as("zip entry name").isEqualTo(entry);
			byte[] content = zip.readAllBytes();
			assertThat(content).as("zipped body of %s: %s", this.name, new String(content, StandardCharsets.UTF_8))
				.isEqualTo(this.body);
			assertThat(zip.getNextEntry()).as("a single entry").isNull();
		}
	}

}
