package app.vsxi.dashboard.approvals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.gateway.WriteOutcome;
import app.vsxi.dashboard.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the approval tests share: acting as a named user, users with roles in the demo groups, and a demo box's
 * route table read straight from the box and put back as it was.
 */
public record ApprovalFixture(UserDetailsService userDetails, AppUserRepository users, UserGrantRepository grants,
		SbcRepository sbcs, FleetService fleet, TableCommands gateway) {

	/** The fixture of a test's application. */
	public static ApprovalFixture of(org.springframework.context.ApplicationContext context) {
		return new ApprovalFixture(context.getBean(UserDetailsService.class), context.getBean(AppUserRepository.class),
				context.getBean(UserGrantRepository.class), context.getBean(SbcRepository.class),
				context.getBean(FleetService.class), context.getBean(TableCommands.class));
	}

	/**
	 * A route every one of these boxes holds once, by the dashboard's key and by alias, from their routes as read
	 * before the test.
	 */
	public static TableRow sharedRoute(Map<String, List<TableRow>> routes) {
		List<String> key = app.vsxi.dashboard.tables.EditableTable.ROUTE.keyFields();
		List<TableRow> first = routes.values().iterator().next();
		return first.stream()
			.filter(row -> routes.values().stream().allMatch(rows -> rows.stream()
				.filter(other -> app.vsxi.dashboard.tables.engine.RowKey.of(other, key)
					.equals(app.vsxi.dashboard.tables.engine.RowKey.of(row, key)))
				.count() == 1
					&& rows.stream().filter(other -> other.text("alias").equals(row.text("alias"))).count() == 1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no route is on every box"));
	}

	/**
	 * From now on, this thread acts as {@code name}. The test's mock request is kept, but not the roles the access
	 * checks remembered in it for the user before (one request is one user in the product).
	 */
	public void as(String name) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(AccessService.class.getName() + ".roles", RequestAttributes.SCOPE_REQUEST);
		}
		UserDetails user = this.userDetails.loadUserByUsername(name);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/** A user with {@code role} in the group of {@code sbcName}, made once per application. */
	public void user(String name, String sbcName, Role role) {
		if (this.users.findByUsername(name).isEmpty()) {
			new TestUsers(this.users, this.grants).user(name, group(sbcName), role);
		}
	}

	public boolean exists(String name) {
		return this.users.findByUsername(name).isPresent();
	}

	/** A further role for an existing user, in the group of {@code sbcName}. */
	public void grant(String name, String sbcName, Role role) {
		new TestUsers(this.users, this.grants).grant(this.users.findByUsername(name).orElseThrow().id(), group(sbcName),
				role);
	}

	public void admin(String name) {
		if (this.users.findByUsername(name).isEmpty()) {
			new TestUsers(this.users, this.grants).user(name, TestUsers.NO_PASSWORD, true);
		}
	}

	public long group(String sbcName) {
		return sbc(sbcName).groupId();
	}

	public Sbc sbc(String name) {
		return this.sbcs.findAll().stream().filter(sbc -> sbc.name().equals(name)).findFirst().orElseThrow();
	}

	public List<TableRow> routes(String sbcName) {
		List<TableRow> rows = new ArrayList<>();
		GatewayResult<TableZip.Summary> read = this.gateway.downloadLarge(endpoint(sbcName), VsxiTable.ROUTE, rows::add)
			.block(Duration.ofMinutes(1));
		assertThat(read.isOk()).as("%s", read).isTrue();
		return rows;
	}

	/** A write straight to the box, as someone on its own GUI would make it. */
	public void changeOnTheBox(String sbcName, TableRow row) {
		GatewayResult<WriteOutcome> written = this.gateway.update(endpoint(sbcName), VsxiTable.ROUTE,
				new TableDocument("XBRouteList", "XBRoute", List.of(row))).block(Duration.ofMinutes(1));
		assertThat(written.isOk()).as("%s", written).isTrue();
	}

	/** Puts the box's routes back as they were, where a test changed them. */
	public void restore(String sbcName, List<TableRow> original) {
		if (!new HashSet<>(routes(sbcName)).equals(new HashSet<>(original))) {
			GatewayResult<WriteOutcome> replaced = this.gateway.upload(endpoint(sbcName), VsxiTable.ROUTE,
					new TableDocument("XBRouteList", "XBRoute", original)).block(Duration.ofMinutes(1));
			assertThat(replaced.isOk()).as("%s", replaced).isTrue();
		}
	}

	private SbcEndpoint endpoint(String sbcName) {
		return this.fleet.endpoint(sbc(sbcName));
	}

}
