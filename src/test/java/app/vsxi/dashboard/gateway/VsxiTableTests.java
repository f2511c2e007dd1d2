package app.vsxi.dashboard.gateway;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The catalog as the table editors and the gateway read it. */
class VsxiTableTests {

	@Test
	void aTableNamesItsElementsKeysAndActions() {
		assertThat(VsxiTable.DIGIT_MAPPING.root()).isEqualTo("DigitTranslationList");
		assertThat(VsxiTable.DIGIT_MAPPING.item()).isEqualTo("DigitTrans");
		assertThat(VsxiTable.ROUTE.keyFields()).containsExactly("alias", "tableId");
		assertThat(VsxiTable.ROUTE.supports(VsxiAction.UPDATE, Format.CSV)).isTrue();
		assertThat(VsxiTable.RESOURCE.supports(VsxiAction.UPDATE, Format.CSV)).isFalse();
		assertThat(VsxiTable.ROUTE.largeActions()).containsExactly(VsxiAction.DOWNLOAD_LARGE, VsxiAction.UPDATE_LARGE,
				VsxiAction.DELETE_LARGE, VsxiAction.REPLACE_LARGE);
		assertThat(VsxiTable.ROUTEGROUP.largeActions()).isEmpty();
	}

	@Test
	void everyFactSaysWhetherASourceOrOurReadingStandsBehindIt() {
		assertThat(VsxiTable.DIGIT_MAPPING.elements().orElseThrow().source()).isEqualTo(Provenance.VENDOR_GUIDE);
		assertThat(VsxiTable.RESOURCE.elements().orElseThrow().source()).isEqualTo(Provenance.PUBLIC_CLIENT);
		assertThat(VsxiTable.ROUTE.elements().orElseThrow().source().sourced()).isFalse();
		assertThat(VsxiTable.ROUTE.keys().source()).isEqualTo(Provenance.INFERRED);
		assertThat(VsxiTable.ROUTEGROUP.keys().source()).isEqualTo(Provenance.UNKNOWN);
		assertThat(VsxiTable.ROUTEGROUP.keyFields()).isEmpty();
	}

	@Test
	void statsOfMediaServersComeUnderOtherNamesThanTheirConfiguration() {
		assertThat(VsxiTable.MEDIA_SERVER.elements(VsxiAction.STATS).orElseThrow().value().root())
			.isEqualTo("XBMediaServerRealTimeStatList");
		assertThat(VsxiTable.MEDIA_SERVER.elements(VsxiAction.DOWNLOAD)).isEqualTo(VsxiTable.MEDIA_SERVER.elements());
	}

	@Test
	void dumpsTextAndFilesHaveNoTableDocument() {
		assertThat(VsxiTable.REALTIME.elements()).isEmpty();
		assertThatIllegalStateException().isThrownBy(VsxiTable.SYSTEM_CONFIGURATION::root);
		assertThat(VsxiTable.REALTIME.command(VsxiAction.SYSTEM).orElseThrow().payload())
			.isEqualTo(VsxiCommand.Payload.TEXT);
		assertThat(VsxiTable.REALTIME.command(VsxiAction.STATS).orElseThrow().payload())
			.isEqualTo(VsxiCommand.Payload.DUMP);
	}

	@Test
	void theBoxTakesNoJsonToKillCalls() {
		assertThat(VsxiTable.ACTIVE_CALLS.formats(VsxiAction.DELETE)).containsExactlyInAnyOrder(Format.XML, Format.CSV);
	}

	@Test
	void tablesAreFoundByTheirUrlNameAndEachNameIsUsedOnce() {
		assertThat(VsxiTable.fromPath("digit_mapping")).contains(VsxiTable.DIGIT_MAPPING);
		assertThat(VsxiTable.fromPath("digitmapping")).isEmpty();
		List<String> paths = Arrays.stream(VsxiTable.values()).map(VsxiTable::path).toList();
		assertThat(paths).doesNotHaveDuplicates();
	}

	@Test
	void onlyTheLargeActionsTheTableListsWithAnotherMethodHaveASecondMethod() {
		assertThat(VsxiAction.DOWNLOAD_LARGE.otherDocumentedMethod()).contains(org.springframework.http.HttpMethod.POST);
		assertThat(VsxiAction.DELETE_LARGE.otherDocumentedMethod()).contains(org.springframework.http.HttpMethod.POST);
		assertThat(EnumSet.of(VsxiAction.UPDATE_LARGE, VsxiAction.REPLACE_LARGE, VsxiAction.DOWNLOAD))
			.allSatisfy(action -> assertThat(action.otherDocumentedMethod()).isEmpty());
	}

}
