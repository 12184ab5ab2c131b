package org.ronchi.ui.preferences;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.ronchi.ui.image.Colormap;

/** Window › Preferences › Ronchi: memory budget, worker threads, default colour map. */
public final class RonchiPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public RonchiPreferencePage() {
		super(GRID);
		setDescription("Memory budget: the most memory one image slice, plot trace or processing run may use.\n"
				+ "Worker threads: how many threads the processing engine computes with.\n"
				+ "Default colour map: the map new image views start with.\n\n" + "This Java VM may use up to "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB (start Ronchi with RONCHI_JAVA_OPTS=-Xmx16g for more).");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(UiPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor budget = new IntegerFieldEditor(UiPreferences.MEMORY_BUDGET_MIB, "Memory budget (MiB):", getFieldEditorParent());
		budget.setValidRange(16, (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (1 << 20)));
		addField(budget);
		IntegerFieldEditor threads = new IntegerFieldEditor(UiPreferences.THREADS, "Worker threads:", getFieldEditorParent());
		threads.setValidRange(1, 256);
		addField(threads);
		String[][] maps = new String[Colormap.NAMES.size()][];
		for (int i = 0; i < maps.length; i++) {
			maps[i] = new String[] { Colormap.NAMES.get(i), Colormap.NAMES.get(i) };
		}
		addField(new ComboFieldEditor(UiPreferences.COLORMAP, "Default colour map:", maps, getFieldEditorParent()));
	}

	@Override
	public boolean performOk() {
		boolean ok = super.performOk();
		UiPreferences.save(getPreferenceStore());
		return ok;
	}
}
