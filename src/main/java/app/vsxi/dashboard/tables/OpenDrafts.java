package app.vsxi.dashboard.tables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.RowStore;

/**
 * The drafts being browsed, their base indexed in memory for paging and sorting: the most recently used few are
 * kept, any other is indexed again from the stored base when it is next shown.
 */
@Component
class OpenDrafts {

	private final DraftRepository drafts;

	private final Map<Long, DraftView> open;

	OpenDrafts(DraftRepository drafts, TablesProperties properties) {
		this.drafts = drafts;
		this.open = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, DraftView> eldest) {
				return size() > Math.max(1, properties.openDrafts());
			}
		});
	}

	/**
	 * The draft's view with its edits as stored now. The edits are read again only when the draft's edits version
	 * moved since the view read them (another request, or another instance, saved some): a draft of 100,000 edits
	 * is not read and decoded for every page.
	 */
	DraftView view(Draft draft) {
		long version = this.drafts.editsVersion(draft.id());
		DraftView view = this.open.get(draft.id());
		if (view == null) {
			RowStore.Builder builder = RowStore.builder(draft.editable().keyFields());
			this.drafts.readBase(draft.id(), builder::add);
			view = new DraftView(builder.build(), Map.of());
			this.open.put(draft.id(), view);
		}
		if (version < 0 || view.version() < version) {
			view.edits(this.drafts.edits(draft.id()), version);
		}
		return view;
	}

	void put(long draftId, DraftView view) {
		this.open.put(draftId, view);
	}

	/**
	 * Tells an open view these edits were saved, taking the draft's edits from {@code version - 1} to
	 * {@code version}: a view that held the version before lays them over its own, any other reads them again.
	 */
	void saved(Draft draft, Map<RowKey, TableRow> edits, long version) {
		changed(draft, version, view -> view.merge(edits, version));
	}

	/** The same for one edit; a null row deletes the base row under the key. */
	void saved(Draft draft, RowKey key, TableRow row, long version) {
		Map<RowKey, TableRow> one = new java.util.LinkedHashMap<>();
		one.put(key, row);
		saved(draft, one, version);
	}

	/** Tells an open view the edit of a key was dropped, taking the draft's edits to {@code version}. */
	void dropped(Draft draft, RowKey key, long version) {
		changed(draft, version, view -> view.drop(key, version));
	}

	private void changed(Draft draft, long version, java.util.function.Consumer<DraftView> change) {
		DraftView view = this.open.get(draft.id());
		if (view != null) {
			synchronized (view) {
				if (view.version() == version - 1) {
					change.accept(view);
					return;
				}
			}
			view(draft);
		}
	}

	void forget(long draftId) {
		this.open.remove(draftId);
	}

	/** The row the draft holds for a key now: its edit, else the base row; null if there is none or it is deleted. */
	TableRow current(Draft draft, RowKey key) {
		return view(draft).current(key);
	}

	TableRow baseRow(Draft draft, RowKey key) {
		return view(draft).baseRow(key);
	}

}
