package app.vsxi.dashboard.gateway;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/** StAX factories with DTDs and external entities off, so an answer cannot make the dashboard fetch or expand. */
final class SafeXml {

	static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

	static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

	static {
		INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		INPUT.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		INPUT.setProperty(XMLInputFactory.IS_COALESCING, true);
	}

	private SafeXml() {
	}

}
