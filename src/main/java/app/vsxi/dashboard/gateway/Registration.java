package app.vsxi.dashboard.gateway;

/**
 * A typed view of one subscriber registration from {@code stats/sub_stats}. Boxes and clients spell the trunk
 * field {@code trunkId} or {@code trunkID}; both are read. The state comes in the field {@code states}
 * (Authenticated, Unauthenticated, Blocked or Pending); {@code state} is read where a box has no {@code states}.
 */
public record Registration(String id, String username, String userDomain, String userIp, String trunkId,
		String state, String expiration, TableRow entry) {

	public static Registration from(TableRow row) {
		String trunk = row.text("trunkId") != null ? row.text("trunkId") : row.text("trunkID");
		return new Registration(row.text("id"), row.text("username"), row.text("userDomain"), row.text("userIp"), trunk,
				row.text("states") != null ? row.text("states") : row.text("state"), row.text("expiration"), row);
	}

}
