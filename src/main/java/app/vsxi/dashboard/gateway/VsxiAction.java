package app.vsxi.dashboard.gateway;

import java.util.Optional;

import org.springframework.http.HttpMethod;

/**
 * The actions of the VSXi REST API, the first path segment after {@code webresources/}, with the method the
 * vendor's command table gives each.
 */
public enum VsxiAction {

	DOWNLOAD("download", HttpMethod.GET), DOWNLOAD_LARGE("downloadLarge", HttpMethod.GET),
	UPDATE("update", HttpMethod.POST), UPDATE_LARGE("updateLarge", HttpMethod.POST),
	DELETE("delete", HttpMethod.DELETE), DELETE_LARGE("deleteLarge", HttpMethod.DELETE),
	UPLOAD("upload", HttpMethod.POST), REPLACE_LARGE("replaceLarge", HttpMethod.POST), QUERY("query", HttpMethod.GET),
	STATS("stats", HttpMethod.GET), SYSTEM("system", HttpMethod.GET);

	private final String path;

	private final HttpMethod method;

	VsxiAction(String path, HttpMethod method) {
		this.path = path;
		this.method = method;
	}

	/** As written in the URL, e.g. {@code downloadLarge}. */
	public String path() {
		return this.path;
	}

	/** The method of the vendor's command table. */
	public HttpMethod method() {
		return this.method;
	}

	/** A zip travels instead of a plain document. */
	public boolean large() {
		return this.path.endsWith("Large");
	}

	/** Changes something on the box; never retried. */
	public boolean write() {
		return this.method != HttpMethod.GET;
	}

	/**
	 * The guide's prose makes every Large action a POST while its command table lists GET for
	 * {@code downloadLarge} and DELETE for {@code deleteLarge}: for those two, the other documented method.
	 */
	public Optional<HttpMethod> otherDocumentedMethod() {
		return large() && this.method != HttpMethod.POST ? Optional.of(HttpMethod.POST) : Optional.empty();
	}

	@Override
	public String toString() {
		return this.path;
	}

}
