package app.vsxi.dashboard.web;

/**
 * How many approval requests wait for the current user, for the header's badge. Asked only when a whole page is
 * rendered (HTMX fragments never show the header), and answered by whoever keeps approvals.
 */
@FunctionalInterface
public interface WaitingApprovals {

	int forCurrentUser();

}
