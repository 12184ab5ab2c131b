package org.ronchi.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.ronchi.ui.preferences.UiPreferences;

/** File › Open Recent: the last ten files opened, newest first. */
public final class OpenRecentMenu extends CompoundContributionItem {

	@Override
	protected IContributionItem[] getContributionItems() {
		List<IContributionItem> items = new ArrayList<>();
		int n = 1;
		for (String f : UiPreferences.recentFiles()) {
			Path p = Path.of(f);
			Action a = new Action("&" + n++ + " " + p.getFileName() + "  [" + (p.getParent() == null ? "" : p.getParent()) + "]") {
				@Override
				public void run() {
					open(p);
				}
			};
			items.add(new ActionContributionItem(a));
		}
		if (items.isEmpty()) {
			Action none = new Action("(no recent files)") {
			};
			none.setEnabled(false);
			items.add(new ActionContributionItem(none));
		}
		return items.toArray(new IContributionItem[0]);
	}

	private static void open(Path p) {
		IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		try {
			((DataTreeView) w.getActivePage().showView(DataTreeView.ID)).open(p);
		} catch (PartInitException e) {
			throw new IllegalStateException("cannot show the Data Tree view", e);
		}
	}
}
