package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What a command answers: one of the box's message texts, or a document written straight to the client. */
sealed interface Reply {

	/** A box message; the HTTP status is the code it starts with (inferred, reference §9.6). */
	record Message(String text) implements Reply {

		int status() {
			return Integer.parseInt(this.text.substring(0, 3));
		}

	}

	/**
	 * An answer that is not one of the box's messages: the web container's own pages (401, 404, 415) and the
	 * converter's 500, with the HTTP status given.
	 */
	record Status(int status, String contentType, String text) implements Reply {

		static Status jsonConversionFailed() {
			return new Status(500, VsxiConventions.MESSAGE_CONTENT_TYPE, VsxiConventions.JSON_CONVERSION_FAILED);
		}

		static Status html(int status, String reason) {
			return new Status(status, "text/html;charset=UTF-8", VsxiConventions.containerPage(status, reason));
		}

	}

	/** A document; a streamed one (length -1) is sent chunked, as its length is not known before it is written. */
	record Body(String contentType, long length, BodyWriter writer) implements Reply {

		Body(String contentType, BodyWriter writer) {
			this(contentType, -1, writer);
		}

		static Body of(String contentType, byte[] bytes) {
			return new Body(contentType, bytes.length, out -> out.write(bytes));
		}

		static Body text(String text) {
			return of("text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
		}

	}

	@FunctionalInterface
	interface BodyWriter {

		void writeTo(OutputStream out) throws IOException;

	}

}
