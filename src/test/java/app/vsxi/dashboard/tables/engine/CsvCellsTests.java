package app.vsxi.dashboard.tables.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableFormatException;
import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import app.vsxi.dashboard.tables.TableTransfer;

class CsvCellsTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+15551234567", "-5", "@SUM(A1)", "\tx", "\rx", "'=x", "''+1" })
	void cellsASpreadsheetWouldRunGetAnApostrophe(String cell) {
		assertThat(CsvCells.neutralise(cell)).isEqualTo("'" + cell);
		assertThat(CsvCells.restore(CsvCells.neutralise(cell))).isEqualTo(cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "5551234567", "abc", "'", "''", "'abc", "a=b", " =x", "x+1" })
	void harmlessCellsStayAsTheyAre(String cell) {
		assertThat(CsvCells.neutralise(cell)).isEqualTo(cell);
		assertThat(CsvCells.restore(cell)).isEqualTo(cell);
	}

	@Test
	void restoreUndoesOnlyOneApostrophe() {
		assertThat(CsvCells.restore("'+1")).isEqualTo("+1");
		assertThat(CsvCells.restore("''+1")).isEqualTo("'+1");
		assertThat(CsvCells.restore("'abc")).isEqualTo("'abc");
	}

	@Test
	void anE164NumberRoundTripsThroughCsvExportAndImport() {
		TableRow route = row("alias", "-r", "tableId", "1", "digitMatch", "+15551234567", "note", "=HYPERLINK(\"x\")");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableTransfer.export(Format.CSV, null, null, List.of(route).iterator(), out);
		String csv = out.toString(StandardCharsets.UTF_8);
		assertThat(csv).contains("'+15551234567").contains("'-r").doesNotContain(",+1").doesNotContain(",=");
		List<TableRow> back = TableTransfer.read(Format.CSV, new ByteArrayInputStream(out.toByteArray()), 1000);
		assertThat(back).containsExactly(route);
	}

	@Test
	void aHeaderCellStartingWithAFormulaCharacterIsNeutralisedLikeADataCell() {
		TableRow row = row("=cmd|' /C calc'!A0", "x", "+sum", "1", "-x", "2", "@at", "3", "alias", "a");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableTransfer.export(Format.CSV, null, null, List.of(row).iterator(), out);
		String header = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
		assertThat(header).isEqualTo("'=cmd|' /C calc'!A0,'+sum,'-x,'@at,alias");
	}

	@Test
	void xmlAndJsonExportsCarryValuesUntouchedAndReadBack() {
		TableRow route = row("alias", "a", "tableId", "1", "digitMatch", "+15551234567");
		for (Format format : List.of(Format.XML, Format.JSON)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			TableTransfer.export(format, "XBRouteList", "XBRoute", List.of(route).iterator(), out);
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("+15551234567").doesNotContain("'+1");
			List<TableRow> back = TableTransfer.read(format, new ByteArrayInputStream(out.toByteArray()), 1000);
			assertThat(back).hasSize(1);
			assertThat(FieldValues.sameRow(back.get(0), route)).isTrue();
		}
	}

	@Test
	void anImportedRowTakesTheBoxsFieldOrder() {
		TableRow template = row("alias", "a", "tableId", "1", "digitMatch", "5");
		TableRow imported = row("digitMatch", "7", "alias", "b", "tableId", "2");
		TableRow conformed = TableTransfer.conform(imported, template);
		assertThat(List.copyOf(conformed.fields().keySet())).containsExactly("alias", "tableId", "digitMatch");
		assertThat(conformed.text("digitMatch")).isEqualTo("7");
	}

	@Test
	void anImportedRowWithAFieldTooManyOrTooFewIsRefused() {
		TableRow template = row("alias", "a", "tableId", "1");
		assertThatThrownBy(() -> TableTransfer.conform(row("alias", "b"), template))
			.isInstanceOf(TableFormatException.class)
			.hasMessageContaining("lacks field tableId");
		assertThatThrownBy(() -> TableTransfer.conform(row("alias", "b", "tableId", "1", "x", "y"), template))
			.isInstanceOf(TableFormatException.class)
			.hasMessageContaining("has field x");
	}

}
