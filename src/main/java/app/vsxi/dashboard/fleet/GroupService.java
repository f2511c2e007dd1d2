package app.vsxi.dashboard.fleet;

import java.time.Instant;
import java.util.List;

import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.web.RefusedException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SBC groups: only administrators create, rename or remove them. */
@Service
public class GroupService {

	private final SbcGroupRepository groups;

	private final SbcRepository sbcs;

	private final AuditLog audit;

	public GroupService(SbcGroupRepository groups, SbcRepository sbcs, AuditLog audit) {
		this.groups = groups;
		this.sbcs = sbcs;
		this.audit = audit;
	}

	@PreAuthorize("isAuthenticated()")
	public List<SbcGroup> all() {
		return this.groups.findAllByOrderByNameAsc();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public SbcGroup create(String name, String description) {
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 64) {
			throw new RefusedException("a group name has 1 to 64 characters");
		}
		if (this.groups.findByName(trimmed).isPresent()) {
			throw new RefusedException("a group called " + trimmed + " exists already");
		}
		SbcGroup group = this.groups.save(new SbcGroup(null, trimmed, blankToNull(description), Instant.now()));
		this.audit.record(AuditAction.GROUP_CREATE, group.name(), group.id(), AuditOutcome.SUCCESS, group.description());
		return group;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void delete(long id) {
		SbcGroup group = this.groups.findById(id).orElseThrow(() -> new RefusedException("no such group"));
		if (this.sbcs.existsByGroupId(id)) {
			throw new RefusedException("move or remove the SBCs of " + group.name() + " first");
		}
		this.groups.delete(group);
		this.audit.record(AuditAction.GROUP_DELETE, group.name(), id, AuditOutcome.SUCCESS, null);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
