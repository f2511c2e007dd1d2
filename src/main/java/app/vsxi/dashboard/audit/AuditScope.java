package app.vsxi.dashboard.audit;

import java.util.Set;

/** Which audit events the current viewer may read: all, or those of their groups and their own. */
public interface AuditScope {

	boolean seesEverything();

	Set<Long> visibleGroupIds();

	String viewer();

}
