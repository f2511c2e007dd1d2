package app.vsxi.dashboard.fleet;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which hosts the dashboard may be sent to test. Loopback, link-local and cloud metadata addresses are never SBCs
 * in a real fleet but are what someone probing the dashboard's own host or cloud account would try, so they are
 * refused unless listed in {@code vsxi.fleet.special-addresses} (demo mode lists loopback for its own boxes).
 */
final class SbcAddressPolicy {

	/** Metadata services that are not link-local: AWS over IPv6, Alibaba Cloud. */
	private static final Set<String> METADATA = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

	/** Private ranges Java's InetAddress does not call site-local: unique-local IPv6, shared (carrier-grade NAT). */
	private static final List<IpAddressMatcher> PRIVATE = List.of(new IpAddressMatcher("fc00::/7"),
			new IpAddressMatcher("100.64.0.0/10"));

	private final List<IpAddressMatcher> allowed;

	SbcAddressPolicy(List<String> specialAddresses) {
		this.allowed = specialAddresses.stream().map(String::trim).filter(a -> !a.isEmpty()).map(IpAddressMatcher::new).toList();
	}

	/** Why the dashboard will not call this base URL, if it will not. A name that does not resolve is left to the call. */
	Optional<String> refusal(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			String kind = special(address);
			if (kind != null && this.allowed.stream().noneMatch(m -> m.matches(address.getHostAddress()))) {
				return Optional.of("Not tested: " + host + " is a " + kind + " address, which is no SBC of a fleet. "
						+ "If it really is one, an operator of the dashboard can list it in vsxi.fleet.special-addresses.");
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the base URL's host is on a private network (loopback, RFC 1918, link-local, unique-local IPv6,
	 * shared address space): there, how a connection fails would map the network around the dashboard.
	 */
	boolean isPrivate(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		try {
			for (InetAddress address : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
				if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
						|| address.isSiteLocalAddress() || PRIVATE.stream().anyMatch(m -> m.matches(address.getHostAddress()))) {
					return true;
				}
			}
			return false;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static String special(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return "loopback";
		}
		if (address.isAnyLocalAddress()) {
			return "wildcard";
		}
		if (address.isLinkLocalAddress()) {
			return "link-local (cloud metadata lives here)";
		}
		if (METADATA.contains(address.getHostAddress())) {
			return "cloud metadata";
		}
		return null;
	}

}
