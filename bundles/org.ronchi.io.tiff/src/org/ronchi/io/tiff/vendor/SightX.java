package org.ronchi.io.tiff.vendor;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * JEOL SightX TEM images (Make "JEOL Ltd."): the ImageDescription is an XML "TemReporter" document with the
 * microscope state (Eos/EosMode, ImageFormingSystem/ModeString, SelectorValue, ElectronGun, GonioStage).
 * No public schema; element names as HyperSpy reads them. The XML becomes a tree: elements are branches,
 * text-only elements leaves, attributes "@name" (HyperSpy's XmlToDict convention).
 */
public final class SightX {
	public static final String MAKE = "JEOL Ltd.";

	private SightX() {
	}

	/** @return the XML as a tree rooted at its document element's name, or null if it is not XML */
	public static MetadataTree parse(String description) {
		if (description == null) {
			return null;
		}
		// SightX pads lines with control characters that XML does not allow
		String xml = description.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "").strip();
		if (!xml.startsWith("<")) {
			return null;
		}
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setExpandEntityReferences(false);
			DocumentBuilder b = f.newDocumentBuilder();
			b.setErrorHandler(null);
			Element root = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
			MetadataTree t = new MetadataTree();
			t.put(root.getTagName(), convert(root));
			return t;
		} catch (Exception e) {
			return null; // not well-formed: the text stays in ImageDescription, nothing is calibrated
		}
	}

	private static Object convert(Element e) {
		MetadataTree t = new MetadataTree();
		NamedNodeMap attrs = e.getAttributes();
		for (int i = 0; i < attrs.getLength(); i++) {
			t.put("@" + attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
		}
		StringBuilder text = new StringBuilder();
		boolean children = false;
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element c) {
				children = true;
				if (t.child(c.getTagName()) == null) {
					t.put(c.getTagName(), convert(c));
				}
			} else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(n.getNodeValue());
			}
		}
		String s = text.toString().strip();
		if (!children && t.isEmpty()) {
			return s;
		}
		if (!s.isEmpty()) {
			t.put("#value", s);
		}
		return t;
	}

	/** @return the TemReporter branch of a parsed description, or null */
	public static MetadataTree reporter(MetadataTree sightx) {
		return sightx != null && sightx.child("TemReporter") instanceof MetadataTree r ? r : null;
	}

	/** @return "STEM" for the ASID scanning mode, else "TEM" */
	public static String mode(MetadataTree reporter) {
		String eos = Attributes.asString(reporter.at("Eos", "EosMode"));
		return "modeASID".equals(eos) || "eosASID".equals(eos) ? "STEM" : "TEM";
	}

	/**
	 * @param resolutionUnit tag 296: 2 inch, else centimetre
	 * @return the pixel size: in TEM image mode the detector pixel (1/XResolution) over the magnification, in
	 *         nm; in diffraction mode over camera length times wavelength, in 1/nm; otherwise NONE
	 */
	public static Calibration calibration(MetadataTree reporter, double xResolution, double yResolution, long resolutionUnit) {
		String eos = Attributes.asString(reporter.at("Eos", "EosMode"));
		String mode = Attributes.asString(reporter.at("ImageFormingSystem", "ModeString"));
		Double selector = Attributes.asDouble(reporter.at("ImageFormingSystem", "SelectorValue"));
		if (!"eosTEM".equals(eos) || selector == null || selector <= 0 || !(xResolution > 0)) {
			return Calibration.NONE;
		}
		double perUnit = resolutionUnit == 2 ? 0.0254 : 0.01;
		double yr = yResolution > 0 ? yResolution : xResolution;
		if ("MAG".equals(mode)) {
			double f = perUnit / selector * 1e9;
			return new Calibration(new Calibration.Axis(f / yr, 0, "nm"), new Calibration.Axis(f / xResolution, 0, "nm"),
					Calibration.Axis.PIXELS, "JEOL SightX");
		}
		Double volts = Attributes.asDouble(reporter.at("ElectronGun", "AccelerationVoltage"));
		if ("DIFF".equals(mode) && volts != null && volts > 0) {
			String unit = Attributes.asString(reporter.at("ImageFormingSystem", "SelectorUnitString"));
			double cl = selector * ("mm".equals(unit) ? 1e-3 : "cm".equals(unit) ? 1e-2 : 1);
			double f = perUnit / (cl * wavelength(volts) * 1e9);
			return new Calibration(new Calibration.Axis(f / yr, 0, "1 / nm"), new Calibration.Axis(f / xResolution, 0, "1 / nm"),
					Calibration.Axis.PIXELS, "JEOL SightX");
		}
		return Calibration.NONE;
	}

	/** @return the relativistic electron wavelength in metres at an accelerating voltage in volts */
	static double wavelength(double volts) {
		double me = 9.1093837015e-31;
		double e = 1.602176634e-19;
		double c = 299792458.0;
		double h = 6.62607015e-34;
		return h / Math.sqrt(2 * me * e * volts * (1 + e * volts / (2 * me * c * c)));
	}

	/** @return HyperSpy's title: "TEM, field, mode, selector" */
	public static String title(MetadataTree reporter) {
		String mode = mode(reporter);
		StringBuilder sb = new StringBuilder(mode);
		append(sb, Attributes.asString(reporter.at("IlluminationSystem", "ImageField")), 4);
		append(sb, Attributes.asString(reporter.at("ImageFormingSystem",
				mode.equals("STEM") ? "ScanningImageFormingMode" : "ImageFormingMode")), 4);
		append(sb, Attributes.asString(reporter.at("ImageFormingSystem", "SelectorString")), 0);
		return sb.toString();
	}

	private static void append(StringBuilder sb, String s, int skip) {
		if (s != null && s.length() > skip) {
			sb.append(", ").append(s.substring(skip));
		}
	}
}
