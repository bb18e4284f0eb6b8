/**
 * The edit slice: which edit tool is in the user's hand and how it behaves. Not undoable and not
 * saved (a tool choice is not an edit); the edits themselves go through the document slice.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type EditTool = 'select' | 'drag' | 'erase' | 'redraw' | 'retrace' | 'lasso';

export interface EditState {
  tool: EditTool;
  /** how far along the curve a dragged point carries its neighbours, screen px each side */
  dragRadiusPx: number;
  /** why the last edit could not be made, in words; null after a successful one */
  problem: string | null;
}

export interface EditSlice {
  edit: EditState;
  setEditTool(tool: EditTool): void;
  setDragRadius(px: number): void;
  setEditProblem(problem: string | null): void;
}

export const createEditSlice: StateCreator<AppState, [], [], EditSlice> = (set) => {
  const patch = (p: Partial<EditState>) => set((s) => ({ edit: { ...s.edit, ...p } }));
  return {
    edit: { tool: 'select', dragRadiusPx: 40, problem: null },
    setEditTool: (tool) => patch({ tool, problem: null }),
    setDragRadius: (px) => patch({ dragRadiusPx: Math.max(0, Math.min(400, px)) }),
    setEditProblem: (problem) => patch({ problem }),
  };
};
