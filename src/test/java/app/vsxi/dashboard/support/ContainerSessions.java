package app.vsxi.dashboard.support;

/**
 * For a MockMvc test that hands requests a {@code MockHttpSession} and reads the security context from it: the
 * sessions kept in the database (Spring Session JDBC) step aside, so the container's session, the one MockMvc
 * knows, is used.
 */
public final class ContainerSessions {

	public static final String EXCLUDED = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

	private ContainerSessions() {
	}

}
