package app.vsxi.dashboard.tables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.LargeTableDiff;
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

	/** The draft's view with its edits as stored now. */
	DraftView view(Draft draft) {
		DraftView view = this.open.get(draft.id());
		if (view == null) {
			RowStore.Builder builder = RowStore.builder(draft.editable().keyFields());
			this.drafts.readBase(draft.id(), builder::add);
			view = new DraftView(builder.build(), this.drafts.edits(draft.id()));
			this.open.put(draft.id(), view);
		}
		else {
			view.edits(this.drafts.edits(draft.id()));
		}
		return view;
	}

	void put(long draftId, DraftView view) {
		this.open.put(draftId, view);
	}

	/** Tells an open view its draft's edits changed. */
	void refresh(Draft draft) {
		DraftView view = this.open.get(draft.id());
		if (view != null) {
			view.edits(this.drafts.edits(draft.id()));
		}
	}

	void forget(long draftId) {
		this.open.remove(draftId);
	}

	/** The row the draft holds for a key now: its edit, else the base row; null if there is none or it is deleted. */
	TableRow current(Draft draft, RowKey key) {
		Map<RowKey, TableRow> edits = this.drafts.edits(draft.id());
		if (edits.containsKey(key)) {
			return edits.get(key);
		}
		return baseRow(draft, key);
	}

	TableRow baseRow(Draft draft, RowKey key) {
		RowStore base = view(draft).base();
		for (int i : base.rowsWithKeyHash(LargeTableDiff.keyHash(key.values()))) {
			if (base.key(i).equals(key)) {
				return base.row(i);
			}
		}
		return null;
	}

}
