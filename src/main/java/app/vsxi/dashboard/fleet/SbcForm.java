package app.vsxi.dashboard.fleet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.vsxi.dashboard.gateway.SbcTrust;

/** What an administrator types to add or edit an SBC. The password is never filled in from storage. */
public class SbcForm {

	@NotBlank
	@Size(max = 64)
	@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, dot, dash and underscore only")
	private String name;

	@NotBlank
	@Size(max = 255)
	private String address;

	@NotBlank
	@Size(max = 64)
	private String username;

	@Size(max = 128)
	private String password;

	@Size(max = 64)
	private String siteLabel;

	@NotNull(message = "choose the group this SBC belongs to")
	private Long groupId;

	@NotNull
	private SbcTrust trust = SbcTrust.PINNED_CERTIFICATE;

	private Long haMasterId;

	private boolean haStatusAlarm;

	static SbcForm of(Sbc sbc) {
		SbcForm form = new SbcForm();
		form.setName(sbc.name());
		form.setAddress(sbc.baseUrl());
		form.setUsername(sbc.username());
		form.setSiteLabel(sbc.siteLabel());
		form.setGroupId(sbc.groupId());
		form.setTrust(sbc.trust());
		form.setHaMasterId(sbc.haMasterId());
		form.setHaStatusAlarm(sbc.haStatusAlarm());
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name == null ? null : name.trim();
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address == null ? null : address.trim();
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username == null ? null : username.trim();
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getSiteLabel() {
		return this.siteLabel;
	}

	public void setSiteLabel(String siteLabel) {
		this.siteLabel = siteLabel == null ? null : siteLabel.trim();
	}

	public SbcTrust getTrust() {
		return this.trust;
	}

	public void setTrust(SbcTrust trust) {
		this.trust = trust;
	}

	public Long getHaMasterId() {
		return this.haMasterId;
	}

	public void setHaMasterId(Long haMasterId) {
		this.haMasterId = haMasterId;
	}

	public boolean isHaStatusAlarm() {
		return this.haStatusAlarm;
	}

	public void setHaStatusAlarm(boolean haStatusAlarm) {
		this.haStatusAlarm = haStatusAlarm;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	@Override
	public String toString() {
		return "SbcForm[" + this.name + " " + this.address + "]";
	}

}
