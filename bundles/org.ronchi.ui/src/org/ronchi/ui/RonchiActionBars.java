package org.ronchi.ui;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The Ronchi product's own menu bar: File (with the "additions" group the views contribute Open Data
 * File and Open Recent to, then Exit) and Window (perspectives, views, reset, preferences). Only the
 * Ronchi application uses it; installed into DAWN or the IDE, the views contribute to those menus instead.
 */
final class RonchiActionBars extends ActionBarAdvisor {
	private IWorkbenchAction quit;
	private IWorkbenchAction preferences;
	private IWorkbenchAction resetPerspective;
	private IWorkbenchWindow window;

	RonchiActionBars(IActionBarConfigurer configurer) {
		super(configurer);
	}

	@Override
	protected void makeActions(IWorkbenchWindow w) {
		window = w;
		quit = register(ActionFactory.QUIT.create(w));
		preferences = register(ActionFactory.PREFERENCES.create(w));
		resetPerspective = register(ActionFactory.RESET_PERSPECTIVE.create(w));
	}

	private IWorkbenchAction register(IWorkbenchAction a) {
		super.register(a);
		return a;
	}

	@Override
	protected void fillMenuBar(IMenuManager bar) {
		MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
		file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(quit);
		MenuManager win = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
		MenuManager perspectives = new MenuManager("Open &Perspective", "org.ronchi.ui.perspectives");
		perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
		MenuManager views = new MenuManager("Show &View", "org.ronchi.ui.views");
		views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
		win.add(perspectives);
		win.add(views);
		win.add(resetPerspective);
		win.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		win.add(new Separator());
		win.add(preferences);
		bar.add(file);
		bar.add(win);
	}
}
