package app.vsxi.dashboard.tables.engine;

import java.util.List;

import app.vsxi.dashboard.gateway.TableRow;

/** The calls that turn the table on the box into the intended one, in the order they are sent. */
public sealed interface ApplyPlan {

	/** One request: the action and every entry it carries, whole, as the box requires. */
	public record Call(WriteAction action, List<TableRow> rows) {

		public Call {
			rows = List.copyOf(rows);
		}

	}

	public record Calls(List<Call> calls) implements ApplyPlan {

		public Calls {
			calls = List.copyOf(calls);
		}

		public int rows() {
			return this.calls.stream().mapToInt(call -> call.rows().size()).sum();
		}

		/** The calls that go out first, before the table is read back. */
		public List<Call> updates() {
			return this.calls.stream().filter(call -> !call.action().deletes()).toList();
		}

		/** The most that may be deleted once the table is read back after the updates. */
		public List<Call> deletes() {
			return this.calls.stream().filter(call -> call.action().deletes()).toList();
		}

	}

	/** No call can do it safely; nothing is sent. */
	public record Refused(String reason) implements ApplyPlan {
	}

}
