package app.vsxi.dashboard.gateway;

/** Where a fact of the VSXi catalog comes from, so a guess is never mistaken for a documented behaviour. */
public enum Provenance {

	/** The vendor's REST API guide, its command table and the vendor's answers to its readers. */
	VENDOR_GUIDE,

	/** Public client code that runs against real boxes: what it sends and parses shows what the boxes do. */
	PUBLIC_CLIENT,

	/** Our reading where no source says it; the first thing to check against a real box. */
	INFERRED,

	/** Nothing is known and nothing is assumed. */
	UNKNOWN;

	public boolean sourced() {
		return this == VENDOR_GUIDE || this == PUBLIC_CLIENT;
	}

}
