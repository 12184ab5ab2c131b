package org.ronchi.ui;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

/** A selection provider holding one object, for views whose selection is not a viewer's (a slice, a cursor). */
final class SelectionBox implements ISelectionProvider {
	private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
	private ISelection selection = StructuredSelection.EMPTY;

	@Override
	public void addSelectionChangedListener(ISelectionChangedListener l) {
		listeners.add(l);
	}

	@Override
	public void removeSelectionChangedListener(ISelectionChangedListener l) {
		listeners.remove(l);
	}

	@Override
	public ISelection getSelection() {
		return selection;
	}

	@Override
	public void setSelection(ISelection s) {
		selection = s;
		SelectionChangedEvent e = new SelectionChangedEvent(this, s);
		for (ISelectionChangedListener l : listeners) {
			l.selectionChanged(e);
		}
	}

	/** Sets the selection to one object (null: empty). */
	void set(Object o) {
		setSelection(o == null ? StructuredSelection.EMPTY : new StructuredSelection(o));
	}

	static Object first(ISelection s) {
		return s instanceof StructuredSelection ss ? ss.getFirstElement() : null;
	}
}
