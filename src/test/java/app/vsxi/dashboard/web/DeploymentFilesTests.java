package app.vsxi.dashboard.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped Docker setup: no default passwords, TLS in front, forwarded headers trusted from the proxy only. */
class DeploymentFilesTests {

	private final String compose = read("docker/compose.yaml");

	@Test
	void everyPasswordMustBeGivenNoneHasADefault() {
		assertThat(this.compose).doesNotContainPattern("PASSWORD[A-Z_]*:-");
		assertThat(this.compose).contains("POSTGRES_PASSWORD: ${VSXI_DB_OWNER_PASSWORD:?")
			.contains("SPRING_DATASOURCE_PASSWORD: ${VSXI_DB_PASSWORD:?");
	}

	@Test
	void browsersReachTheDashboardThroughTheTlsProxyOnly() {
		assertThat(this.compose).contains("SERVER_FORWARDHEADERSSTRATEGY: native")
			.contains("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES: 172\\.30\\.0\\.2")
			.contains("\"443:443\"")
			.doesNotContain("\"8080:8080\"");
		// the proxy finds the replicas by the service's name, however many there are
		assertThat(read("docker/Caddyfile")).contains("reverse_proxy {").contains("name dashboard")
			.contains("port 8080");
	}

	@Test
	void twoReplicasRunUnlessToldOtherwiseAndNoneHoldsAFixedAddress() {
		assertThat(this.compose).contains("replicas: ${VSXI_REPLICAS:-2}").doesNotContain("172.30.0.10");
	}

	@Test
	void theDashboardRunsAsARoleThatCannotRewriteTheAuditTrail() {
		assertThat(this.compose).contains("SPRING_DATASOURCE_USERNAME: vsxi_app");
		assertThat(read("docker/postgres-init/10-runtime-role.sh")).contains("CREATE ROLE vsxi_app");
	}

	private static String read(String path) {
		try {
			return Files.readString(Path.of(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
