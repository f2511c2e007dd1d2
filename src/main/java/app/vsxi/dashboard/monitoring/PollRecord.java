package app.vsxi.dashboard.monitoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import tools.jackson.databind.json.JsonMapper;

/**
 * One poll's outcome as the instance that made it publishes it for the others: the endpoint's answer or why there
 * was none, and when. Stored as gzipped JSON; {@link #read} gives back what {@link #write} was given.
 *
 * @param at when the poll finished, on the polling instance's clock
 * @param value the answer, null when the poll failed
 * @param error why the poll failed, null when it was answered
 */
record PollRecord(Instant at, FeedValue value, GatewayError error) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(GatewayError.class, Typed.class)
		.registerSubtypes(GatewayError.class.getPermittedSubclasses())
		.build();

	PollRecord {
		if ((value == null) == (error == null)) {
			throw new IllegalArgumentException("a poll either answered or failed");
		}
	}

	byte[] write() {
		Shape shape = new Shape(this.at, null, null, null, null, this.error);
		if (this.value instanceof FeedValue.Realtime realtime) {
			shape = new Shape(this.at, realtime.stats(), null, null, null, null);
		}
		else if (this.value instanceof FeedValue.Dump dump) {
			shape = new Shape(this.at, null, dump.tables(), null, null, null);
		}
		else if (this.value instanceof FeedValue.Document document) {
			TableDocument table = document.document();
			shape = new Shape(this.at, null, null,
					new Rows(table.root(), table.item(), table.rows().stream().map(TableRow::fields).toList()), null,
					null);
		}
		else if (this.value instanceof FeedValue.Info info) {
			shape = new Shape(this.at, null, null, null, info.info(), null);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
		try (OutputStream out = new GZIPOutputStream(bytes) {
			{
				// these are written once per poll and read soon after: speed matters more than the last few percent
				this.def.setLevel(Deflater.BEST_SPEED);
			}
		}) {
			JSON.writeValue(out, shape);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static PollRecord read(byte[] stored) {
		Shape shape;
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
			shape = JSON.readValue(in, Shape.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		FeedValue value = null;
		if (shape.realtime() != null) {
			value = new FeedValue.Realtime(shape.realtime());
		}
		else if (shape.dump() != null) {
			value = new FeedValue.Dump(shape.dump());
		}
		else if (shape.rows() != null) {
			Rows rows = shape.rows();
			value = new FeedValue.Document(
					new TableDocument(rows.root(), rows.item(), rows.rows().stream().map(TableRow::new).toList()));
		}
		else if (shape.info() != null) {
			value = new FeedValue.Info(shape.info());
		}
		return new PollRecord(shape.at(), value, shape.error());
	}

	/** What is written: one of the answers, or the error. */
	record Shape(Instant at, RealtimeStats realtime, Map<String, List<Map<String, String>>> dump, Rows rows,
			SystemInfo info, GatewayError error) {
	}

	record Rows(String root, String item, List<Map<String, Object>> rows) {
	}

	/** The kinds of error are told apart by their names. */
	@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
	interface Typed {
	}

}
