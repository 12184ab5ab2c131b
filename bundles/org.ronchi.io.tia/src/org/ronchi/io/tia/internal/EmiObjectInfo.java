package org.ronchi.io.tia.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.ronchi.core.metadata.MetadataTree;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One {@code <ObjectInfo>} XML block of an EMI file as a metadata tree, keys as the XML names them.
 * Two parts are lists rather than trees and are flattened the way HyperSpy does, so that the keys
 * carry their units and a mapping line cannot mistake µm for mm:
 * <ul>
 * <li>{@code ExperimentalDescription/Root/Data} entries (Label, Value, Unit) become
 * {@code ExperimentalDescription/<Label>_<Unit>} (or {@code <Label>} without a unit) = Value, verbatim text;</li>
 * <li>{@code TrueImageHeaderInfo} holds escaped XML of (Index, Value) pairs; it becomes
 * {@code TrueImageHeaderInfo/<Index>} = Value.</li>
 * </ul>
 * Repeated element names get a suffix {@code " #2"}, {@code " #3"}, ... The JDK's DOM parser is used, with
 * DTDs and external entities disabled because the XML comes from the file.
 */
final class EmiObjectInfo {
	private EmiObjectInfo() {
	}

	/**
	 * @return the children of the ObjectInfo element as a tree
	 * @throws IllegalArgumentException with the parser's message if the block is not well-formed XML
	 */
	static MetadataTree parse(byte[] block) {
		Element root = parseXml(decode(block));
		MetadataTree t = new MetadataTree();
		addChildren(root, t);
		return t;
	}

	/** TIA writes UTF-8; a block that is not valid UTF-8 is read as Latin-1 rather than rejected. */
	private static String decode(byte[] block) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(block)).toString();
		} catch (CharacterCodingException e) {
			return new String(block, StandardCharsets.ISO_8859_1);
		}
	}

	private static Element parseXml(String xml) {
		try {
			DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
			dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			dbf.setExpandEntityReferences(false);
			dbf.setXIncludeAware(false);
			DocumentBuilder db = dbf.newDocumentBuilder();
			db.setErrorHandler(new ErrorHandler() {
				// the default handler prints "[Fatal Error]" to stderr; a bad block is reported by the caller
				@Override
				public void warning(SAXParseException ex) {
				}

				@Override
				public void error(SAXParseException ex) throws SAXException {
					throw ex;
				}

				@Override
				public void fatalError(SAXParseException ex) throws SAXException {
					throw ex;
				}
			});
			return db.parse(new InputSource(new StringReader(xml))).getDocumentElement();
		} catch (ParserConfigurationException | SAXException | IOException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	private static void addChildren(Element parent, MetadataTree into) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (!(n instanceof Element e)) {
				continue;
			}
			String key = uniqueKey(into, e.getTagName());
			switch (e.getTagName()) {
			case "ExperimentalDescription" -> into.put(key, experimentalDescription(e));
			case "TrueImageHeaderInfo" -> into.put(key, trueImageHeaderInfo(e));
			default -> {
				if (hasElementChildren(e)) {
					MetadataTree sub = new MetadataTree();
					addChildren(e, sub);
					into.put(key, sub);
				} else {
					into.put(key, e.getTextContent());
				}
			}
			}
		}
	}

	private static MetadataTree experimentalDescription(Element e) {
		MetadataTree t = new MetadataTree();
		for (Element root : children(e, "Root")) {
			for (Element data : children(root, "Data")) {
				String label = childText(data, "Label");
				if (label == null) {
					continue;
				}
				String unit = childText(data, "Unit");
				String key = unit == null || unit.isEmpty() ? label : label + "_" + unit;
				String value = childText(data, "Value");
				t.put(uniqueKey(t, key), value == null ? "" : value);
			}
		}
		return t;
	}

	private static Object trueImageHeaderInfo(Element e) {
		String inner = e.getTextContent();
		try {
			Element root = parseXml(inner);
			MetadataTree t = new MetadataTree();
			for (Element data : children(root, "Data")) {
				String index = childText(data, "Index");
				if (index != null) {
					t.put(uniqueKey(t, index), childText(data, "Value"));
				}
			}
			return t;
		} catch (IllegalArgumentException notXml) {
			return inner;
		}
	}

	private static boolean hasElementChildren(Element e) {
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element) {
				return true;
			}
		}
		return false;
	}

	private static List<Element> children(Element e, String name) {
		List<Element> out = new ArrayList<>();
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element c && c.getTagName().equals(name)) {
				out.add(c);
			}
		}
		return out;
	}

	private static String childText(Element e, String name) {
		List<Element> c = children(e, name);
		return c.isEmpty() ? null : c.get(0).getTextContent();
	}

	private static String uniqueKey(MetadataTree t, String key) {
		if (t.child(key) == null) {
			return key;
		}
		int i = 2;
		while (t.child(key + " #" + i) != null) {
			i++;
		}
		return key + " #" + i;
	}
}
