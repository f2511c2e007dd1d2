package app.vsxi.dashboard.fleet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Test connection" cannot map a private network: a closed port, a port that speaks something other than TLS
 * and one that accepts and never answers all get the same sentence, none sooner than the padded minimum.
 * Loopback stands in for the private network (listed as a special address, as demo mode does).
 */
@SpringBootTest(properties = { "vsxi.fleet.special-addresses=127.0.0.0/8", "vsxi.fleet.test-failure-minimum=2500ms",
		"vsxi.gateway.connect-timeout=1s" })
@ActiveProfiles("test")
@WithMockUser(username = "mapper", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class ConnectionTestUniformityTests {

	private static final Duration MINIMUM = Duration.ofMillis(2500);

	@Autowired
	SbcConnections connections;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	CredentialCipher cipher;

	private final List<Long> made = new ArrayList<>();

	private final List<AutoCloseable> open = new java.util.concurrent.CopyOnWriteArrayList<>();

	@AfterEach
	void remove() throws Exception {
		this.made.forEach(this.sbcs::deleteById);
		for (AutoCloseable closeable : this.open) {
			closeable.close();
		}
	}

	@Test
	void refusedNotTlsAndUnansweredPortsGetTheSameWordsAfterTheSameMinimum() throws Exception {
		int closed = closedPort();
		int plainText = listening(socket -> {
			OutputStream out = socket.getOutputStream();
			out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.close();
		});
		int blackhole = listening(socket -> {
			// accepts, then says nothing until the test ends
		});

		List<String> answers = new ArrayList<>();
		for (int port : new int[] { closed, plainText, blackhole }) {
			long sbc = sbcAt(port);
			long started = System.nanoTime();
			ConnectionTest test = this.connections.test(sbc);
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(test.outcome()).isEqualTo(ConnectionTest.Outcome.FAILED);
			assertThat(took).as("port %d answered after %s", port, took).isGreaterThanOrEqualTo(MINIMUM);
			answers.add(test.message());
		}

		assertThat(answers).containsOnly("No SBC answered over TLS at this address. On a private network the "
				+ "dashboard does not tell why (refused, unanswered or not TLS), so that this test cannot map the network.");
	}

	private long sbcAt(int port) {
		Sbc sbc = this.sbcs.save(Sbc.builder()
			.name("probe-" + port + "-" + System.nanoTime())
			.baseUrl("https://127.0.0.1:" + port)
			.username("api")
			.passwordCipher(this.cipher.encrypt("pw"))
			.groupId(this.groups.findByName("Default").orElseThrow().id())
			.build());
		this.made.add(sbc.id());
		return sbc.id();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private int listening(Accepted accepted) throws IOException {
		ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
		this.open.add(server);
		Thread thread = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket socket = server.accept();
					this.open.add(socket);
					accepted.handle(socket);
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		thread.setDaemon(true);
		thread.start();
		return server.getLocalPort();
	}

	private interface Accepted {

		void handle(Socket socket) throws IOException;

	}

}
