package org.ronchi.ui.tests;

import java.nio.file.Path;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.ui.DataTreePanel;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImagePanel;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.metadata.MetadataPanel;
import org.ronchi.ui.plot.PlotPanel;
import org.ronchi.ui.slice.SliceTargets;
import org.ronchi.ui.slice.SlicerPanel;

/**
 * The Data Browser's panels in one shell, wired as the workbench views wire them through the selection
 * service: tree selection to metadata and slicing, slice to image and plot, image clicks to the
 * slicing cursor.
 */
final class Browser implements AutoCloseable {
	final Fixture fx;
	final DataTreePanel tree;
	final MetadataPanel metadata;
	final ImagePanel image;
	final SlicerPanel slicer;
	final PlotPanel plot;

	Browser() {
		fx = new Fixture(1400, 900);
		SashForm h = new SashForm(fx.shell, SWT.HORIZONTAL);
		SashForm left = new SashForm(h, SWT.VERTICAL);
		tree = new DataTreePanel(left, Fixture.opener());
		metadata = new MetadataPanel(left);
		SashForm mid = new SashForm(h, SWT.VERTICAL);
		image = new ImagePanel(mid, new ImageRenderer.Settings(Colormap.named("gray"), 0.5, 99.5, false), () -> 1L << 30);
		slicer = new SlicerPanel(mid);
		plot = new PlotPanel(h, () -> 1L << 30);
		tree.viewer().addSelectionChangedListener(e -> {
			Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
			metadata.show(o, tree.fileOf(o));
			if (o instanceof ArrayNode a) {
				SliceTargets.Target t = SliceTargets.resolve(a);
				slicer.setNode(t.node(), t.note());
			}
		});
		slicer.addListener(s -> {
			image.show(s);
			plot.show(s);
		});
		image.addClickListener(slicer::setCursor);
		fx.open();
	}

	/** Opens a file through the registry, waits until it is in the tree and its first signal is shown. */
	DataFile open(Path p) {
		int before = tree.files().size();
		tree.open(p);
		fx.pump(() -> tree.files().size() > before || !tree.message().isEmpty(), 30_000, "opening " + p.getFileName());
		if (!tree.message().isEmpty()) {
			throw new AssertionError(tree.message());
		}
		idle();
		return tree.files().get(tree.files().size() - 1);
	}

	/** Waits until the image and the plot show the newest slice. */
	void idle() {
		fx.pump(() -> image.idle() && plot.idle(), 30_000, "image and plot updates");
	}

	@Override
	public void close() {
		fx.close();
	}
}
