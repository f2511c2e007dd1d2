package app.vsxi.dashboard.tables.engine;

/**
 * One field of a row that differs: its path ({@code typeSIPgw/direction}, {@code node[2]/fqdn} for nested
 * fields), the value before and after. A side where the field is absent has {@code present} false.
 */
public record FieldChange(String field, Object before, Object after, boolean presentBefore, boolean presentAfter) {

	public String beforeText() {
		return this.presentBefore ? FieldValues.display(this.before) : "(absent)";
	}

	public String afterText() {
		return this.presentAfter ? FieldValues.display(this.after) : "(absent)";
	}

}
