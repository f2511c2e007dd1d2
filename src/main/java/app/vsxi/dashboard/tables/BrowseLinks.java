package app.vsxi.dashboard.tables;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a draft page that change sort or page and keep every active filter, so browsing never drops what the
 * operator typed into the filter boxes.
 */
public record BrowseLinks(Map<String, String> filters, String sort, boolean descending, int page) {

	/** The same view sorted by {@code column}, ascending unless it is already sorted so. */
	public String sortedBy(String base, String column) {
		return link(base, column, column.equals(this.sort) && !this.descending, 0);
	}

	public String toPage(String base, int page) {
		return link(base, this.sort, this.descending, page);
	}

	private String link(String base, String sort, boolean descending, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base);
		if (page > 0) {
			uri.queryParam("page", page);
		}
		if (sort != null && !sort.isEmpty()) {
			uri.queryParam("sort", sort);
			uri.queryParam("desc", descending);
		}
		this.filters.forEach((column, value) -> uri.queryParam("f_" + column, value));
		return uri.build().encode().toUriString();
	}

}
