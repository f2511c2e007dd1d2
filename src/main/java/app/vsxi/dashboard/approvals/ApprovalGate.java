package app.vsxi.dashboard.approvals;

import java.util.List;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.tables.WriteGate;

/** The table editor's writes go through approval as the settings say. */
@Component
class ApprovalGate implements WriteGate {

	private final Approvals approvals;

	ApprovalGate(Approvals approvals) {
		this.approvals = approvals;
	}

	@Override
	public Clearance clear(WriteRequest request) {
		ApprovalKind kind = switch (request.kind()) {
			case APPLY -> ApprovalKind.APPLY;
			case REPLACE -> ApprovalKind.REPLACE;
			case RESTORE -> ApprovalKind.RESTORE;
		};
		Approvals.Answer answer = this.approvals.ask(new Approvals.Ask(kind, request.subject(),
				List.of(request.sbc().id()), kind.label() + ": " + request.table() + " on " + request.sbc().name(),
				request.rows(), request.hash(), request.preview(), request.boxAccounts() ? "ADMINISTER" : "OPERATE",
				request.editors(), null, request.breakGlass()));
		if (answer instanceof Approvals.Answer.Held held) {
			return new Clearance.Held(held.reason(), held.requestId(), held.changeId());
		}
		Approvals.Answer.Go go = (Approvals.Answer.Go) answer;
		return new Clearance.Go(go.changeId(), go.requestId());
	}

	@Override
	public void sent(Clearance.Go go) {
		this.approvals.sent(go.requestId());
	}

}
