package org.ronchi.io.velox.internal;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.model.Attributes;

/**
 * Chemical symbols of the atomic numbers Velox lists in an EDS quantification's
 * {@code elementSelection} (numbers in version 11 and later, numeric strings before).
 */
final class Elements {
	private static final String[] SYMBOLS = ("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn "
			+ "Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er "
			+ "Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg "
			+ "Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og").split(" ");

	private Elements() {
	}

	/** @return the symbol of atomic number z, or null outside 1..118 */
	static String symbol(int z) {
		return z >= 1 && z <= SYMBOLS.length ? SYMBOLS[z - 1] : null;
	}

	/**
	 * @param selection a list of atomic numbers (numbers or numeric text); "" or anything else means none
	 * @param rejected  collects the entries that are not atomic numbers
	 * @return the symbols in the order listed
	 */
	static List<String> symbols(Object selection, List<Object> rejected) {
		List<String> out = new ArrayList<>();
		if (!(selection instanceof List<?> list)) {
			return out;
		}
		for (Object o : list) {
			Double z = Attributes.asDouble(o);
			String s = z == null || z != Math.rint(z) ? null : symbol(z.intValue());
			if (s == null) {
				rejected.add(o);
			} else {
				out.add(s);
			}
		}
		return out;
	}
}
