package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.tables.engine.RowCodec;

/** Downloads a whole table from a box, plain or Large as the table allows, into packed rows. */
@Component
public class TableDownloads {

	private static final Duration LONGEST = Duration.ofMinutes(10);

	private final TableCommands gateway;

	TableDownloads(TableCommands gateway) {
		this.gateway = gateway;
	}

	/** The table as the box holds it now; {@code also} sees every row as it arrives (e.g. to index it). */
	public Downloaded download(SbcEndpoint sbc, EditableTable table, Consumer<TableRow> also) {
		RowCodec.Packer packer = new RowCodec.Packer();
		Consumer<TableRow> sink = row -> {
			packer.add(row);
			also.accept(row);
		};
		if (table.downloadsLarge()) {
			GatewayResult<TableZip.Summary> result;
			try (RowHandoff handoff = new RowHandoff("table-rows-" + table.table(), sink)) {
				result = this.gateway.downloadLarge(sbc, table.catalog(), table.format(), handoff).block(LONGEST);
				if (result.isOk()) {
					handoff.finish();
				}
			}
			// a CSV file has no element names; the table's own name stands in for them (export, snapshots)
			return result.fold(summary -> new Downloaded.Table(
					summary.root() == null ? table.table() : summary.root(),
					summary.item() == null ? "row" : summary.item(), packer.finish()),
					Downloaded.Failed::new);
		}
		GatewayResult<TableDocument> result = this.gateway.download(sbc, table.catalog()).block(LONGEST);
		return result.fold(document -> {
			document.rows().forEach(sink);
			return new Downloaded.Table(document.root(), document.item(), packer.finish());
		}, Downloaded.Failed::new);
	}

	public sealed interface Downloaded {

		record Table(String root, String item, RowCodec.Packed rows) implements Downloaded {
		}

		record Failed(GatewayError error) implements Downloaded {
		}

	}

}
