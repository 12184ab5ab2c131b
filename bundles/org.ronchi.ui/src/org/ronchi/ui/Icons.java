package org.ronchi.ui;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;

/**
 * The Data Tree's icons, one per kind of entry, drawn from 16x16 character maps so the bundle carries
 * no binary files: '#' outline, 'o' fill, 'x' accent, '.' transparent. Created once per display and
 * disposed with it.
 */
final class Icons {
	private static final String[] FILE = {
			"..#########.....", "..#ooooooo##....", "..#ooooooo#o#...", "..#ooooooo####..", "..#oooooooooo#..", "..#oxxxxxxxxo#..",
			"..#oooooooooo#..", "..#oxxxxxxxxo#..", "..#oooooooooo#..", "..#oxxxxxxxxo#..", "..#oooooooooo#..", "..#oxxxxxoooo#..",
			"..#oooooooooo#..", "..############..", "................", "................" };
	private static final String[] GROUP = {
			"................", "................", ".#####..........", "#ooooo#.........", "#oooooo#######..", "#oooooooooooo#..",
			"#oooooooooooo#..", "#oooooooooooo#..", "#oooooooooooo#..", "#oooooooooooo#..", "#oooooooooooo#..", "#oooooooooooo#..",
			"##############..", "................", "................", "................" };
	private static final String[] IMAGE = {
			"................", "##############..", "#oooooooooooo#..", "#oxxooooooooo#..", "#oxxooooooxoo#..", "#ooooooooxxxo#..",
			"#oooooooxxxxx#..", "#ooxoooxxxxxx#..", "#oxxxoxxxxxxx#..", "#xxxxxxxxxxxx#..", "#xxxxxxxxxxxx#..", "#xxxxxxxxxxxx#..",
			"##############..", "................", "................", "................" };
	private static final String[] SPECTRUM = {
			"................", "#...............", "#.......x.......", "#.......x.......", "#......x.x......", "#......x.x......",
			"#.....x...x.....", "#..x..x...x.....", "#.x.xx.....x....", "#x..........xx..", "#.............xx", "#...............",
			"################", "................", "................", "................" };
	private static final String[] STACK = {
			"....##########..", "....#oooooooo#..", "..##########o#..", "..#oooooooo#o#..", "##########o#o#..", "#oooooooo#o#o#..",
			"#oxxoooooo#o#...", "#ooooooxoo#o#...", "#oooooxxxo#.#...", "#oxooxxxxx###...", "#xxxxxxxxx#.....", "#xxxxxxxxx#.....",
			"###########.....", "................", "................", "................" };
	private static final String[] CUBE = {
			"................", "....##########..", "...#oooooooo##..", "..#oooooooo#o#..", ".##########oo#..", ".#xxxxxxxx#oo#..",
			".#xxxxxxxx#oo#..", ".#xxxxxxxx#oo#..", ".#xxxxxxxx#oo#..", ".#xxxxxxxx#o#...", ".#xxxxxxxx##....", ".##########.....",
			"................", "................", "................", "................" };
	private static final String[] ATTRIBUTE = {
			"................", "................", "................", ".....#####......", "....#ooooo#.....", "...#oo###oo#....",
			"...#o#xxx#o#....", "...#o#x#x#o#....", "...#o#xxx##.....", "...#oo#####.....", "....#ooooo#.....", ".....#####......",
			"................", "................", "................", "................" };

	private final Map<String, Image> images = new HashMap<>();
	private final Display display;

	Icons(Display display) {
		this.display = display;
		display.disposeExec(() -> images.values().forEach(Image::dispose));
	}

	Image of(Object element) {
		if (element instanceof DataFile) {
			return get("file", FILE, new RGB(250, 250, 250), new RGB(90, 110, 160));
		}
		if (element instanceof Group) {
			return get("group", GROUP, new RGB(240, 200, 90), new RGB(0, 0, 0));
		}
		if (element instanceof ArrayNode a) {
			long big = java.util.Arrays.stream(a.shape()).filter(s -> s > 1).count();
			if (big >= 4) {
				return get("cube", CUBE, new RGB(150, 200, 240), new RGB(40, 90, 170));
			}
			if (big == 3) {
				return get("stack", STACK, new RGB(230, 230, 230), new RGB(90, 90, 90));
			}
			if (big == 2) {
				return get("image", IMAGE, new RGB(200, 225, 250), new RGB(60, 120, 60));
			}
			return get("spectrum", SPECTRUM, new RGB(255, 255, 255), new RGB(200, 40, 40));
		}
		return get("attribute", ATTRIBUTE, new RGB(250, 250, 250), new RGB(120, 60, 160));
	}

	private Image get(String key, String[] map, RGB fill, RGB accent) {
		return images.computeIfAbsent(key, k -> draw(map, fill, accent));
	}

	private Image draw(String[] map, RGB fill, RGB accent) {
		PaletteData p = new PaletteData(new RGB[] { new RGB(255, 255, 255), new RGB(60, 60, 60), fill, accent });
		ImageData d = new ImageData(16, 16, 8, p);
		d.alphaData = new byte[16 * 16];
		for (int y = 0; y < 16; y++) {
			for (int x = 0; x < 16; x++) {
				char c = map[y].charAt(x);
				int idx = c == '#' ? 1 : c == 'o' ? 2 : c == 'x' ? 3 : 0;
				d.setPixel(x, y, idx);
				d.alphaData[y * 16 + x] = (byte) (c == '.' ? 0 : 255);
			}
		}
		return new Image(display, d);
	}
}
