package app.vsxi.dashboard.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.net.ssl.SSLContext;

import app.vsxi.dashboard.support.CurlTls;

/** A test's curl -k against one simulated box: any method, any body, basic auth, raw answers. */
final class SimulatorClient {

	/** The box's base URL, read at each request: a restarted box may listen elsewhere. */
	private final Supplier<String> box;

	private final HttpClient http;

	private final String credentials;

	SimulatorClient(SimulatedVsxi box, String username, String password) {
		this((Supplier<String>) box::baseUrl, username, password);
	}

	/** A client of a box in another process, e.g. {@code https://127.0.0.1:8888}. */
	SimulatorClient(String baseUrl, String username, String password) {
		this(() -> baseUrl, username, password);
	}

	private SimulatorClient(Supplier<String> box, String username, String password) {
		this.box = box;
		this.credentials = username + ":" + password;
		try {
			SSLContext insecure = CurlTls.acceptAnything();
			this.http = HttpClient.newBuilder().sslContext(insecure).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	SimulatorClient as(String username, String password) {
		return new SimulatorClient(this.box, username, password);
	}

	/** {@code command} is {@code action/table?query} under the API base, or an absolute path. */
	HttpResponse<byte[]> send(String method, String command, byte[] body) {
		return send(method, command, body, null);
	}

	/** As {@link #send(String, String, byte[])}, with a Content-Type header unless it is null (as curl -T). */
	HttpResponse<byte[]> send(String method, String command, byte[] body, String contentType) {
		String path = command.startsWith("/") ? command : VsxiConventions.BASE_PATH + command;
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.box.get() + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(this.credentials.getBytes(StandardCharsets.UTF_8)))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		HttpRequest request = builder.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A GET whose body the caller reads as it arrives. */
	HttpResponse<java.io.InputStream> stream(String command) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.box.get() + VsxiConventions.BASE_PATH + command))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(this.credentials.getBytes(StandardCharsets.UTF_8)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
	}

	HttpResponse<byte[]> get(String command) {
		return send("GET", command, null);
	}

	String text(String method, String command, String body) {
		return text(send(method, command, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
	}

	String getText(String command) {
		return text(get(command));
	}

	static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	static String contentType(HttpResponse<?> response) {
		return response.headers().firstValue("Content-Type").orElse("");
	}

	/** The files of a zip, by name. */
	static Map<String, String> unzip(byte[] zip) {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	static byte[] zip(String name, String content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}


}
