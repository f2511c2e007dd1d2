package app.vsxi.dashboard.audit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

	@Test
	void eventsBecomeRfc4180RowsUnderAHeader() {
		String csv = write(new AuditEvent(1L, Instant.parse("2026-11-28T10:15:30Z"), "admin", "10.0.0.5", "SBC_UPDATE",
				"nyc-1", 3L, AuditOutcome.SUCCESS, "site: \"A\" → B, C"));

		assertThat(csv).isEqualTo(AuditCsv.HEADER + "\r\n"
				+ "2026-11-28T10:15:30Z,admin,10.0.0.5,SBC_UPDATE,nyc-1,3,SUCCESS,\"site: \"\"A\"\" → B, C\",\r\n");
	}

	@Test
	void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
		String csv = write(new AuditEvent(2L, Instant.parse("2026-11-28T10:15:30Z"), "=HYPERLINK(\"x\")", null, "LOGIN",
				"+1", null, AuditOutcome.FAILED, "-2"));

		assertThat(csv.split("\r\n")[1]).isEqualTo(
				"2026-11-28T10:15:30Z,\"'=HYPERLINK(\"\"x\"\")\",,LOGIN,'+1,,FAILED,'-2,");
	}

	@Test
	void theChangeAnEventBelongsToIsItsLastCell() {
		String csv = write(new AuditEvent(3L, Instant.parse("2026-11-28T10:15:30Z"), "ops", null, "TABLE_APPLY", "nyc-1 route",
				3L, AuditOutcome.SUCCESS, "1 changed", "C-7"));

		assertThat(csv.split("\r\n")[1]).isEqualTo("2026-11-28T10:15:30Z,ops,,TABLE_APPLY,nyc-1 route,3,SUCCESS,1 changed,C-7");
	}

	private static String write(AuditEvent event) {
		StringWriter out = new StringWriter();
		AuditCsv.write(List.of(event), new PrintWriter(out));
		return out.toString();
	}

}
