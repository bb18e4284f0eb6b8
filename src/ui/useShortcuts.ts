/** App-wide keys: undo/redo (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y) and open (Ctrl/⌘+O). */
import { useEffect } from 'react';
import { appStore } from '../state/store';
import { openFilePicker } from './load/OpenButton';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) appStore.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') appStore.getState().redo();
      else if (key === 'o') openFilePicker();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
