/**
 * Keys of the edit step, while it is open and no field has focus: Escape drops the selection; a
 * letter picks a tool (V select, D drag, E erase, R redraw, T re-trace, L lasso).
 */
import { useEffect } from 'react';
import type { EditTool } from '../../state/edit-slice';
import { appStore } from '../../state/store';

const KEYS: Record<string, EditTool> = { v: 'select', d: 'drag', e: 'erase', r: 'redraw', t: 'retrace', l: 'lasso' };

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useEditKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const s = appStore.getState();
      if (e.key === 'Escape') s.select(null);
      else if (KEYS[e.key.toLowerCase()] && !e.shiftKey) s.setEditTool(KEYS[e.key.toLowerCase()]);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
