package org.ronchi.ui.processing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.ui.preferences.UiPreferences;

/**
 * Window › Preferences › Ronchi › Processing: the format results files are saved in, among the installed
 * results stores (EMD 1.0 by default; NeXus, which DAWN opens).
 */
public final class ProcessingPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public ProcessingPreferencePage() {
		super(GRID);
		setDescription("Results files: the format runs are saved in when they are saved to a file.\n"
				+ "NeXus files open in DAWN and in HyperSpy's NeXus reader; EMD 1.0 files in py4DSTEM.");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(UiPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		addField(new ComboFieldEditor(UiPreferences.RESULTS_STORE, "Results file format:", choices(installed()), getFieldEditorParent()));
	}

	/** @return label and value of each choice: the default first, then every store by id */
	static String[][] choices(List<ResultsStore> stores) {
		List<String[]> out = new ArrayList<>();
		String def = stores.stream().filter(s -> s.id().equals(ResultsStore.DEFAULT)).map(ResultsStore::name).findFirst().orElse(ResultsStore.DEFAULT);
		out.add(new String[] { "Default (" + def + ")", "" });
		for (ResultsStore s : stores) {
			out.add(new String[] { s.name() + " [" + s.id() + "]", s.id() });
		}
		return out.toArray(new String[0][]);
	}

	private static List<ResultsStore> installed() {
		Bundle b = FrameworkUtil.getBundle(ProcessingPreferencePage.class);
		BundleContext bc = b == null ? null : b.getBundleContext();
		ServiceReference<ResultsStores> ref = bc == null ? null : bc.getServiceReference(ResultsStores.class);
		ResultsStores stores = ref == null ? null : bc.getService(ref);
		try {
			return stores == null ? List.of() : stores.stores();
		} finally {
			if (stores != null) {
				bc.ungetService(ref);
			}
		}
	}

	@Override
	public boolean performOk() {
		boolean ok = super.performOk();
		UiPreferences.save(getPreferenceStore());
		return ok;
	}
}
