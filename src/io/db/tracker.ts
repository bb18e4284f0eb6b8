/**
 * Incremental saving. An autosave after one edit should write that edit, not the whole session:
 * a 12-curve, 50,000-row session with a long undo history is tens of MB, and structured-cloning
 * it into IndexedDB on every change would block the main thread. The tracker remembers which
 * curve and history-entry objects are already in the database (by identity: the store never
 * mutates them) so a save plan contains only new or changed parts and deletions.
 *
 * Parts are immutable records under ids that are never reused, so a save can write its new parts
 * in several small transactions and then commit by switching the main record to them (save.ts):
 * until that commit, the previous main record and every part it references are untouched.
 */
import type { TracedCurve } from '../../core/types';
import type { CurveDocRecord, HistoryRecord, MainDocRecord } from './records';
import type { SessionContent } from './types';

type PartKind = 'curve' | 'entry';

export class SaveTracker {
  readonly curveIds = new WeakMap<object, number>();
  readonly entryIds = new WeakMap<object, number>();
  /** ids known to be in the database after the last committed save, and which store holds them */
  stored = new Map<number, PartKind>();
  nextId = 1;
  /** false until the tracker knows which parts the database holds (see seed) */
  synced = false;
  /** saves through one tracker run one after another, so each plan sees the previous commit */
  private queue: Promise<unknown> = Promise.resolve();

  serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  idOf(obj: object, kind: PartKind): number {
    const ids = kind === 'curve' ? this.curveIds : this.entryIds;
    let id = ids.get(obj);
    if (id === undefined) {
      id = this.nextId++;
      ids.set(obj, id);
    }
    return id;
  }

  /** Seeds the tracker with what openSession just read, so unchanged parts are never rewritten. */
  static fromStored(main: MainDocRecord, curves: Map<number, object>, entries: Map<number, object>): SaveTracker {
    const t = new SaveTracker();
    for (const [id, obj] of curves) {
      t.curveIds.set(obj, id);
      t.stored.set(id, 'curve');
    }
    for (const [id, obj] of entries) {
      t.entryIds.set(obj, id);
      t.stored.set(id, 'entry');
    }
    t.nextId = main.nextId;
    t.synced = true;
    return t;
  }

  /**
   * A tracker made without openSession learns what is stored (by key only) before its first
   * save: all of it is then replaced by fresh parts, under ids above every stored one.
   */
  seed(nextId: number, curveIds: number[], entryIds: number[]): void {
    for (const id of curveIds) this.stored.set(id, 'curve');
    for (const id of entryIds) this.stored.set(id, 'entry');
    this.nextId = Math.max(this.nextId, nextId, ...curveIds.map((i) => i + 1), ...entryIds.map((i) => i + 1));
    this.synced = true;
  }
}

export interface SavePlan {
  main: MainDocRecord;
  putCurves: CurveDocRecord[];
  putEntries: HistoryRecord[];
  deleteCurves: number[];
  deleteEntries: number[];
  /** tracker.stored once this plan has committed */
  storedAfter: Map<number, PartKind>;
}

export function planSave(tracker: SaveTracker, sessionId: string, content: SessionContent): SavePlan {
  const storedAfter = new Map<number, PartKind>();
  if (!tracker.synced) throw new Error('planSave: seed the tracker first');
  const isNew = (id: number) => !tracker.stored.has(id);
  const putCurves: CurveDocRecord[] = [];
  const curveIds = content.curves.map((curve: TracedCurve) => {
    const id = tracker.idOf(curve, 'curve');
    if (isNew(id) && !storedAfter.has(id)) putCurves.push({ sessionId, id, kind: 'curve', curve });
    storedAfter.set(id, 'curve');
    return id;
  });
  const putEntries: HistoryRecord[] = [];
  const entryIdsOf = (entries: object[]) =>
    entries.map((entry) => {
      const id = tracker.idOf(entry, 'entry');
      if (isNew(id) && !storedAfter.has(id)) putEntries.push({ sessionId, id, entry });
      storedAfter.set(id, 'entry');
      return id;
    });
  const undoIds = entryIdsOf(content.history.undo);
  const redoIds = entryIdsOf(content.history.redo);
  const gone = [...tracker.stored].filter(([id]) => !storedAfter.has(id));
  return {
    main: {
      sessionId, id: 0, kind: 'main', layout: content.layout, exportSettings: content.exportSettings,
      scanRef: content.scanRef ?? null, curveIds, undoIds, redoIds, nextId: tracker.nextId,
    },
    putCurves,
    putEntries,
    deleteCurves: gone.filter(([, k]) => k === 'curve').map(([id]) => id),
    deleteEntries: gone.filter(([, k]) => k === 'entry').map(([id]) => id),
    storedAfter,
  };
}

/** Call only after the plan's transaction committed; a failed save leaves the tracker as it was. */
export function commitPlan(tracker: SaveTracker, plan: SavePlan): void {
  tracker.stored = plan.storedAfter;
  tracker.synced = true;
}
