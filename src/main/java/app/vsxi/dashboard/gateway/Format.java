package app.vsxi.dashboard.gateway;

import org.springframework.http.MediaType;

/** The {@code format} parameter of the VSXi API and the media type of a body in that format. */
public enum Format {

	XML("xml", MediaType.APPLICATION_XML), JSON("json", MediaType.APPLICATION_JSON),
	CSV("csv", MediaType.parseMediaType("text/csv"));

	private final String parameter;

	private final MediaType mediaType;

	Format(String parameter, MediaType mediaType) {
		this.parameter = parameter;
		this.mediaType = mediaType;
	}

	public String parameter() {
		return this.parameter;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

}
