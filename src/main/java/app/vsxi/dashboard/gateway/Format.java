package app.vsxi.dashboard.gateway;

import org.springframework.http.MediaType;

/**
 * The {@code format} parameter of the VSXi API and the Content-Type a body in that format is sent with. XML goes
 * as {@code application/xml}, as a public client does; JSON, CSV and every zip go without one, as {@code curl -T}
 * sends a file: no source shows another type working. The value {@code csv} itself is our reading: the guide lists
 * CSV but never shows the parameter.
 */
public enum Format {

	XML("xml", MediaType.APPLICATION_XML, MediaType.APPLICATION_XML),
	JSON("json", MediaType.APPLICATION_JSON, null), CSV("csv", MediaType.parseMediaType("text/csv"), null);

	private final String parameter;

	private final MediaType mediaType;

	private final MediaType sentAs;

	Format(String parameter, MediaType mediaType, MediaType sentAs) {
		this.parameter = parameter;
		this.mediaType = mediaType;
		this.sentAs = sentAs;
	}

	public String parameter() {
		return this.parameter;
	}

	/** The media type of a file in this format, e.g. for a browser download. */
	public MediaType mediaType() {
		return this.mediaType;
	}

	/** The Content-Type a body in this format is sent to an SBC with; none but for XML. */
	public java.util.Optional<MediaType> contentType() {
		return java.util.Optional.ofNullable(this.sentAs);
	}

}
