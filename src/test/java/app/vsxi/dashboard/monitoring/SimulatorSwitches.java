package app.vsxi.dashboard.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import app.vsxi.dashboard.support.CurlTls;

/** Switches a simulated box's faults through its own admin endpoint, as an operator with curl would. */
public final class SimulatorSwitches {

	private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(CurlTls.acceptAnything()).build();

	private SimulatorSwitches() {
	}

	public static void faults(String baseUrl, String json) {
		send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/faults"))
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public static void clear(String baseUrl) {
		send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/faults")).DELETE());
	}

	/** What the box counted at {@code GET /simulator/requests}: requests served per {@code action/table}, as JSON. */
	public static String requests(String baseUrl) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/requests")).GET());
	}

	/** The box's own {@code stats/realtime} answer, as JSON text. */
	public static String realtimeStats(String baseUrl) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + "/SSConfig/webresources/stats/realtime?format=json")).GET());
	}

	private static String send(HttpRequest.Builder request) {
		String auth = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = CLIENT.send(request.header("Authorization", "Basic " + auth).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException("the simulator refused the switch: " + response.statusCode() + " "
						+ response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
