package app.vsxi.dashboard.simulator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.VsxiCommand;
import app.vsxi.dashboard.gateway.VsxiTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's catalog and the simulator's command table are written apart on purpose, so a slip in one
 * cannot hide behind the same slip in the other; here they must name the same 66 commands.
 */
class CatalogAgreementTests {

	@Test
	void theDashboardCatalogAndTheSimulatorListTheSameSixtySixCommands() {
		List<String> dashboard = VsxiTable.allCommands().stream().map(CatalogAgreementTests::describe).toList();
		List<String> simulator = CommandTable.COMMANDS.stream()
			.map(command -> command.method() + " " + command.action() + "/" + command.table() + " "
					+ new TreeSet<>(command.formats()))
			.toList();

		assertThat(dashboard).hasSize(66).doesNotHaveDuplicates();
		assertThat(dashboard).containsExactlyInAnyOrderElementsOf(simulator);
	}

	private static String describe(VsxiCommand command) {
		Set<String> formats = switch (command.payload()) {
			case FILE -> Set.of("sdc");
			case TEXT -> Set.of("text");
			default -> command.formats().stream().map(format -> format.parameter()).collect(Collectors.toSet());
		};
		return command.method().name() + " " + command.path() + " " + new TreeSet<>(formats);
	}

}
