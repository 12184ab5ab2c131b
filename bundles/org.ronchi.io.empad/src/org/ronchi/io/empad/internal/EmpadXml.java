package org.ronchi.io.empad.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.empad.EmpadException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML the EMPAD software writes beside each {@code .raw}, as a tree (element → key; attributes and
 * child elements → keys under it; text of a leaf → its value, verbatim; repeated elements → a list), and
 * the values the loader uses: the raw file's name, {@code pix_x}/{@code pix_y}, the
 * {@code scan_parameters} of each mode, the series count, the scan's field of view and the calibrated
 * pattern pixel size. Versions 0.51 (field of view as {@code optics.get_full_scan_field_of_view = [x, y]})
 * and 1.2 ({@code full_scan_field_of_view} with {@code x}, {@code y}) are read.
 *
 * @param tree the XML, under "root"
 */
record EmpadXml(MetadataTree tree, String rawFile, long[] pix, long[] acquire, long[] search, Long seriesCount, double[] fieldOfView,
		Double pixelSize) {

	static EmpadXml read(Path xml) {
		Element root = parse(xml);
		if (!root.getTagName().equals("root")) {
			throw new EmpadException(xml, "XML root element", "is <" + root.getTagName() + ">, not the <root> of an EMPAD acquisition");
		}
		MetadataTree t = new MetadataTree();
		t.put("root", element(root));
		Element raw = child(root, "raw_file");
		String rawFile = raw == null ? "" : raw.getAttribute("filename").strip();
		if (rawFile.isEmpty()) {
			throw new EmpadException(xml, "<raw_file filename=...>", "missing: the XML does not name its .raw data file");
		}
		long[] pix = pair(xml, "pix_x, pix_y", text(child(root, "pix_x")), text(child(root, "pix_y")));
		long[] acquire = null;
		long[] search = null;
		Long series = number(xml, "count", text(child(root, "count")));
		for (Element sp : children(root, "scan_parameters")) {
			long[] xy = pair(xml, "scan_parameters scan_resolution_x, scan_resolution_y", text(child(sp, "scan_resolution_x")),
					text(child(sp, "scan_resolution_y")));
			if ("acquire".equals(sp.getAttribute("mode"))) {
				acquire = xy;
			} else if ("search".equals(sp.getAttribute("mode"))) {
				search = xy;
			} else if (xy != null && acquire == null) {
				acquire = xy; // no mode: the only scan described
			}
			Long n = number(xml, "scan_parameters series_count", text(child(sp, "series_count")));
			series = n != null ? n : series;
		}
		Element iom = child(root, "iom_measurements");
		double[] fov = null;
		Double pixelSize = null;
		if (iom != null) {
			fov = fieldOfView(iom);
			pixelSize = real(text(child(iom, "calibrated_pixelsize")));
		}
		return new EmpadXml(t, rawFile, pix, acquire, search, series, fov, pixelSize);
	}

	/** @return {x, y} of the field of view in metres, or null if not recorded */
	private static double[] fieldOfView(Element iom) {
		String list = text(child(iom, "optics.get_full_scan_field_of_view"));
		if (list != null) {
			String[] parts = list.replaceAll("[\\[\\]()\\s]", "").split(",");
			if (parts.length == 2 && real(parts[0]) != null && real(parts[1]) != null) {
				return new double[] { real(parts[0]), real(parts[1]) };
			}
		}
		Element f = child(iom, "full_scan_field_of_view");
		if (f != null) {
			Double x = real(text(child(f, "x")));
			Double y = real(text(child(f, "y")));
			if (x != null && y != null) {
				return new double[] { x, y };
			}
		}
		return null;
	}

	private static Element parse(Path xml) {
		try (InputStream in = Files.newInputStream(xml)) {
			DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
			dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			dbf.setExpandEntityReferences(false);
			dbf.setXIncludeAware(false);
			DocumentBuilder db = dbf.newDocumentBuilder();
			db.setErrorHandler(new ErrorHandler() {
				// the default handler prints "[Fatal Error]" to stderr; the exception below says it once
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
			return db.parse(in).getDocumentElement();
		} catch (SAXParseException e) {
			throw new EmpadException(xml, "XML line " + e.getLineNumber(), "does not parse: " + e.getMessage(), e);
		} catch (SAXException | ParserConfigurationException e) {
			throw new EmpadException(xml, "XML", "does not parse: " + e.getMessage(), e);
		} catch (IOException e) {
			throw new EmpadException(xml, "XML", "cannot be read: " + e.getMessage(), e);
		}
	}

	private static Object element(Element e) {
		NamedNodeMap attrs = e.getAttributes();
		List<Element> kids = children(e, null);
		if (attrs.getLength() == 0 && kids.isEmpty()) {
			return e.getTextContent().strip();
		}
		MetadataTree t = new MetadataTree();
		for (int i = 0; i < attrs.getLength(); i++) {
			t.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
		}
		for (Element k : kids) {
			String name = k.getTagName();
			List<Element> same = children(e, name);
			if (same.size() == 1) {
				t.put(name, element(k));
			} else if (same.get(0) == k) {
				List<Object> all = new ArrayList<>();
				same.forEach(s -> all.add(element(s)));
				t.put(name, all);
			}
		}
		return t;
	}

	private static List<Element> children(Element e, String name) {
		List<Element> out = new ArrayList<>();
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element c && (name == null || c.getTagName().equals(name))) {
				out.add(c);
			}
		}
		return out;
	}

	private static Element child(Element e, String name) {
		List<Element> c = children(e, name);
		return c.isEmpty() ? null : c.get(0);
	}

	private static String text(Element e) {
		return e == null ? null : e.getTextContent().strip();
	}

	/** @return {x, y}, or null if both are absent; each must be a positive integer */
	private static long[] pair(Path xml, String what, String x, String y) {
		if (x == null && y == null) {
			return null;
		}
		Long a = number(xml, what, x);
		Long b = number(xml, what, y);
		if (a == null || b == null || a < 1 || b < 1) {
			throw new EmpadException(xml, "XML " + what, "\"" + x + "\", \"" + y + "\" is not a scan size (two positive integers)");
		}
		return new long[] { a, b };
	}

	private static Long number(Path xml, String what, String s) {
		if (s == null) {
			return null;
		}
		try {
			long v = Long.parseLong(s);
			if (v < 1) {
				throw new EmpadException(xml, "XML " + what, v + " is not a count (a positive integer)");
			}
			return v;
		} catch (NumberFormatException e) {
			throw new EmpadException(xml, "XML " + what, "\"" + s + "\" is not an integer");
		}
	}

	private static Double real(String s) {
		if (s == null) {
			return null;
		}
		try {
			double v = Double.parseDouble(s);
			return Double.isFinite(v) ? v : null;
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
