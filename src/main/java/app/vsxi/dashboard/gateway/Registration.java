package app.vsxi.dashboard.gateway;

/**
 * A typed view of one subscriber registration from {@code stats/sub_stats}. Boxes and clients spell the trunk
 * field {@code trunkId} or {@code trunkID}; both are read.
 */
public record Registration(String id, String username, String userDomain, String userIp, String trunkId,
		String state, String expiration, TableRow entry) {

	public static Registration from(TableRow row) {
		String trunk = row.text("trunkId") != null ? row.text("trunkId") : row.text("trunkID");
		return new Registration(row.text("id"), row.text("username"), row.text("userDomain"), row.text("userIp"), trunk,
				row.text("state"), row.text("expiration"), row);
	}

}
