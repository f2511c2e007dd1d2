package app.vsxi.dashboard.gateway;

import org.springframework.http.MediaType;

/**
 * The {@code format} parameter of the VSXi API and the Content-Type a body in that format is sent with. XML goes
 * as {@code application/xml}, as a public client does; JSON, CSV and every zip go without one, as {@code curl -T}
 * sends a file: no source shows another type working. The value {@code csv} itself is our reading: the guide lists
 * CSV but never shows the parameter.
 */
public enum Format {

	XML("xml", MediaType.APPLICATION_XML), JSON("json", null), CSV("csv", null);

	private final String parameter;

	private final MediaType mediaType;

	Format(String parameter, MediaType mediaType) {
		this.parameter = parameter;
		this.mediaType = mediaType;
	}

	public String parameter() {
		return this.parameter;
	}

	/** The Content-Type of a body in this format; none but for XML. */
	public java.util.Optional<MediaType> contentType() {
		return java.util.Optional.ofNullable(this.mediaType);
	}

}
