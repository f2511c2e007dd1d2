package app.vsxi.dashboard.fleet;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.SbcExchange;
import app.vsxi.dashboard.gateway.SbcTrust;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, changing and removing SBCs, and confirming which certificate each may present. Who may do what is
 * checked here, on every call, by the {@code access} rules; every change is audited.
 */
@Service
public class FleetService {

	private static final Logger log = LoggerFactory.getLogger(FleetService.class);

	private final SbcRepository repository;

	private final CredentialCipher cipher;

	private final SbcExchange gateway;

	private final SbcGroupRepository groups;

	private final AuditLog audit;

	public FleetService(SbcRepository repository, CredentialCipher cipher, SbcExchange gateway,
			SbcGroupRepository groups, AuditLog audit) {
		this.repository = repository;
		this.cipher = cipher;
		this.gateway = gateway;
		this.groups = groups;
		this.audit = audit;
	}

	/** Every SBC, for the dashboard's own work (polling); never hand this to a page. */
	public List<Sbc> everySbc() {
		return this.repository.findAllByOrderByNameAsc();
	}

	/** The SBCs the current user may see. */
	@PostFilter("@access.canInGroup('VIEW', filterObject.groupId())")
	public List<Sbc> visible() {
		return new ArrayList<>(this.repository.findAllByOrderByNameAsc());
	}

	/** The SBCs the current user may manage; only for those who manage some group. */
	@PreAuthorize("@access.managesAnyGroup()")
	@PostFilter("@access.canInGroup('ADMINISTER', filterObject.groupId())")
	public List<Sbc> administrable() {
		return new ArrayList<>(this.repository.findAllByOrderByNameAsc());
	}

	/**
	 * Other SBCs at the same address that the user may see: the same box registered twice would be polled twice.
	 * Those of groups hidden from the user are left out rather than named.
	 */
	@PreAuthorize("@access.canOnSbc('ADMINISTER', #sbc.id())")
	@PostFilter("@access.canInGroup('VIEW', filterObject.groupId())")
	public List<Sbc> sameAddressAs(Sbc sbc) {
		return new ArrayList<>(this.repository.findByBaseUrlAndIdNot(sbc.baseUrl(), sbc.id()));
	}

	/** Group id → name, to label SBCs on pages. */
	public Map<Long, String> groupNames() {
		return this.groups.findAll().stream().collect(Collectors.toMap(SbcGroup::id, SbcGroup::name));
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #id)")
	public Sbc get(long id) {
		return find(id);
	}

	@PreAuthorize("@access.canOnSbc('ADMINISTER', #id)")
	public Sbc getToAdminister(long id) {
		return find(id);
	}

	/** Groups an SBC may be put in by the current user. */
	@PostFilter("@access.canInGroup('ADMINISTER', filterObject.id())")
	public List<SbcGroup> assignableGroups() {
		return new ArrayList<>(this.groups.findAllByOrderByNameAsc());
	}

	public SbcEndpoint endpoint(Sbc sbc) {
		return endpoint(sbc, id -> this.repository.findById(id).map(Sbc::name).orElse(null));
	}

	/**
	 * The same, naming the HA master from a lookup the caller already has (the poller holds the whole fleet). The
	 * endpoint made for an SBC is kept while its stored record and master stay the same: the poller asks for it on
	 * every poll, a thousand SBCs a few hundred times a second, and opening the sealed password each time was a
	 * good part of a poll's work. Any change to the record (a new password, address or certificate) makes a new one.
	 */
	public SbcEndpoint endpoint(Sbc sbc, LongFunction<String> names) {
		String master = sbc.haMasterId() == null ? null : names.apply(sbc.haMasterId());
		Made made = sbc.id() == null ? null : this.endpoints.get(sbc.id());
		if (made != null && made.sbc().equals(sbc) && java.util.Objects.equals(made.master(), master)) {
			return made.endpoint();
		}
		SbcEndpoint endpoint = new SbcEndpoint(sbc.id(), sbc.name(), URI.create(sbc.baseUrl()), sbc.username(),
				this.cipher.decrypt(sbc.passwordCipher()), sbc.certificateFingerprint(), sbc.trust(), master);
		if (sbc.id() != null) {
			this.endpoints.put(sbc.id(), new Made(sbc, master, endpoint));
		}
		return endpoint;
	}

	/** Endpoints made, per SBC, with the record and master they were made from. */
	private final java.util.Map<Long, Made> endpoints = new java.util.concurrent.ConcurrentHashMap<>();

	private record Made(Sbc sbc, String master, SbcEndpoint endpoint) {
	}

	/**
	 * Every reason the form cannot be saved beyond what its own annotations check, so that the page reports them
	 * all at once; empty when it can be saved. {@code id} is null for a new SBC.
	 */
	@PreAuthorize("@access.managesAnyGroup() and (#id == null or @access.canOnSbc('ADMINISTER', #id))")
	public List<FieldProblem> problems(SbcForm form, Long id) {
		Sbc current = id == null ? null : find(id);
		List<FieldProblem> problems = new ArrayList<>();
		if (present(form.getName()) && this.repository.existsByNameAndIdNot(form.getName(), id == null ? -1L : id)) {
			// names are unique fleet-wide; say so without telling whose SBC holds it
			problems.add(new FieldProblem("name", "this name is not available; SBC names are unique in the fleet"));
		}
		String baseUrl = null;
		if (present(form.getAddress())) {
			try {
				baseUrl = SbcAddress.normalise(form.getAddress());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("address", ex.getMessage()));
			}
		}
		boolean noPassword = form.getPassword() == null || form.getPassword().isEmpty();
		if (current == null && noPassword) {
			problems.add(new FieldProblem("password", "the API user's password is required"));
		}
		else if (current != null && noPassword && (baseUrl != null && !baseUrl.equals(current.baseUrl())
				|| form.getTrust() != null && form.getTrust() != current.trust())) {
			// the stored password must never follow the SBC to an address or trust its owner did not confirm
			problems.add(new FieldProblem("password",
					"type the API password again: the address or trust changes, and the stored one is not sent elsewhere"));
		}
		if (form.getGroupId() != null && this.groups.findById(form.getGroupId()).isEmpty()) {
			problems.add(new FieldProblem("groupId", "no such group"));
		}
		Long master = form.getHaMasterId();
		if (master != null) {
			Optional<Sbc> chosen = this.repository.findById(master);
			if (master.equals(id) || chosen.isEmpty() || !chosen.get().groupId().equals(form.getGroupId())) {
				problems.add(new FieldProblem("haMasterId", "choose another SBC of the same group as master"));
			}
		}
		return problems;
	}

	@PreAuthorize("@access.canInGroup('ADMINISTER', #form.groupId)")
	@Transactional
	public Sbc create(SbcForm form) {
		refuseIfInvalid(form, null);
		Sbc sbc = Sbc.builder()
			.name(form.getName())
			.baseUrl(address(form))
			.username(form.getUsername())
			.passwordCipher(this.cipher.encrypt(form.getPassword()))
			.siteLabel(blankToNull(form.getSiteLabel()))
			.groupId(group(form.getGroupId()).id())
			.trust(form.getTrust())
			.haMasterId(form.getHaMasterId())
			.haStatusAlarm(form.isHaStatusAlarm())
			.build();
		Sbc saved = this.repository.save(sbc);
		this.audit.record(AuditAction.SBC_CREATE, saved.name(), saved.groupId(), AuditOutcome.SUCCESS, saved.baseUrl());
		return saved;
	}

	/** Saves changes; a blank password keeps the stored one, a new address drops the confirmed certificate. */
	@PreAuthorize("@access.canOnSbc('ADMINISTER', #id) and @access.canInGroup('ADMINISTER', #form.groupId)")
	@Transactional
	public Sbc update(long id, SbcForm form) {
		Sbc current = find(id);
		refuseIfInvalid(form, id);
		String baseUrl = address(form);
		String password = form.getPassword() == null || form.getPassword().isEmpty() ? current.passwordCipher()
				: this.cipher.encrypt(form.getPassword());
		String fingerprint = baseUrl.equals(current.baseUrl()) ? current.certificateFingerprint() : null;
		Sbc saved = this.repository.save(current.toBuilder()
			.name(form.getName())
			.baseUrl(baseUrl)
			.username(form.getUsername())
			.passwordCipher(password)
			.siteLabel(blankToNull(form.getSiteLabel()))
			.groupId(group(form.getGroupId()).id())
			.certificateFingerprint(fingerprint)
			.trust(form.getTrust())
			.haMasterId(form.getHaMasterId())
			.haStatusAlarm(form.isHaStatusAlarm())
			.updatedAt(Instant.now())
			.build());
		this.gateway.forget(id);
		this.audit.record(AuditAction.SBC_UPDATE, saved.name(), saved.groupId(), AuditOutcome.SUCCESS,
				SbcChanges.describe(current, saved));
		return saved;
	}

	@PreAuthorize("@access.canOnSbc('ADMINISTER', #id)")
	@Transactional
	public void delete(long id) {
		Sbc sbc = find(id);
		this.repository.delete(sbc);
		this.gateway.forget(id);
		this.endpoints.remove(id);
		this.audit.record(AuditAction.SBC_DELETE, sbc.name(), sbc.groupId(), AuditOutcome.SUCCESS, sbc.baseUrl());
	}

	/**
	 * Pins a certificate an administrator confirmed after the caller checked, outside any transaction, that the
	 * SBC presents it. Refused if the SBC's address changed in between: the check was made on another box.
	 */
	@PreAuthorize("@access.canOnSbc('ADMINISTER', #id)")
	@Transactional
	public Sbc pinCertificate(long id, String checkedAddress, String fingerprint) {
		Sbc sbc = find(id);
		if (!sbc.baseUrl().equals(checkedAddress)) {
			throw new InvalidSbcException(
					List.of(new FieldProblem("address", "the SBC's address changed meanwhile; test it again")));
		}
		Sbc saved = this.repository.save(sbc.withCertificate(fingerprint));
		this.audit.record(AuditAction.SBC_TRUST_CERTIFICATE, sbc.name(), sbc.groupId(), AuditOutcome.SUCCESS,
				(sbc.certificateFingerprint() == null ? "" : "replaces " + sbc.certificateFingerprint() + "; ")
						+ "now " + fingerprint);
		return saved;
	}

	/** Adds or refreshes an SBC whose certificate the caller already knows, e.g. a simulated one it started. */
	@Transactional
	public Sbc register(String name, String baseUrl, String username, String password, String siteLabel,
			String groupName, String certificateFingerprint) {
		Instant now = Instant.now();
		long groupId = this.groups.findByName(groupName)
			.orElseGet(() -> this.groups.save(new SbcGroup(null, groupName, null, now)))
			.id();
		Sbc sbc = this.repository.findByName(name)
			.map(existing -> existing.toBuilder().updatedAt(now))
			.orElseGet(Sbc::builder)
			.name(name)
			.baseUrl(baseUrl)
			.username(username)
			.passwordCipher(this.cipher.encrypt(password))
			.siteLabel(siteLabel)
			.groupId(groupId)
			.certificateFingerprint(certificateFingerprint)
			.trust(SbcTrust.PINNED_CERTIFICATE)
			.build();
		Sbc saved = this.repository.save(sbc);
		this.gateway.forget(saved.id());
		return saved;
	}

	/** Re-seals credentials left under a rotated-out key, so the old key can then be dropped. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void reencryptRotatedCredentials() {
		int count = 0;
		for (Sbc sbc : this.repository.findAll()) {
			if (this.cipher.needsRotation(sbc.passwordCipher())) {
				this.repository.save(sbc.withPasswordCipher(this.cipher.encrypt(this.cipher.decrypt(sbc.passwordCipher()))));
				count++;
			}
		}
		if (count > 0) {
			log.info("Re-encrypted {} SBC credential(s) under the current key", count);
		}
	}

	private void refuseIfInvalid(SbcForm form, Long id) {
		List<FieldProblem> problems = problems(form, id);
		if (!problems.isEmpty()) {
			throw new InvalidSbcException(problems);
		}
	}

	Sbc find(long id) {
		return this.repository.findById(id).orElseThrow(() -> new UnknownSbcException(id));
	}

	private SbcGroup group(Long groupId) {
		return this.groups.findById(groupId).orElseThrow();
	}

	/** Only after {@link #problems} found none. */
	private static String address(SbcForm form) {
		return SbcAddress.normalise(form.getAddress());
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
