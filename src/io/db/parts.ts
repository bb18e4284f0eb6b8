/**
 * Writing a plan's new parts (changed curves, new undo steps) in small transactions, one large
 * curve or a batch of small steps each, so the main thread serialises one piece at a time; and
 * discarding them again when the save they belong to fails. See save.ts for why this is safe.
 */
import type { TracewellDb } from './open';
import type { CurveDocRecord, HistoryRecord } from './records';
import { estimateBytes } from './size';
import type { SavePlan } from './tracker';
import { queueAll, runWrite } from './tx';

/** About what one part transaction may hold; a single larger curve still goes alone. */
const BATCH_BYTES = 256 * 1024;

type Part = { store: 'documents'; rec: CurveDocRecord } | { store: 'history'; rec: HistoryRecord };

function batches(plan: SavePlan): Part[][] {
  const parts: Part[] = [
    ...plan.putCurves.map((rec) => ({ store: 'documents' as const, rec })),
    ...plan.putEntries.map((rec) => ({ store: 'history' as const, rec })),
  ];
  const out: Part[][] = [];
  let size = Infinity;
  for (const p of parts) {
    const bytes = estimateBytes(p.store === 'documents' ? p.rec.curve : p.rec.entry);
    if (size + bytes > BATCH_BYTES) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(p);
    size += bytes;
  }
  return out;
}

export async function writeParts(db: TracewellDb, plan: SavePlan): Promise<void> {
  for (const batch of batches(plan)) {
    await runWrite(db, ['documents', 'history'], (tx) =>
      queueAll((reqs) => {
        for (const p of batch) reqs.push(p.store === 'documents' ? tx.objectStore('documents').put(p.rec) : tx.objectStore('history').put(p.rec));
      }),
    );
  }
}

/** Best effort after a failed save: free the space its unreferenced new parts took. */
export async function discardNewParts(db: TracewellDb, plan: SavePlan): Promise<void> {
  const sessionId = plan.main.sessionId;
  await runWrite(db, ['documents', 'history'], (tx) =>
    queueAll((reqs) => {
      for (const r of plan.putCurves) reqs.push(tx.objectStore('documents').delete([sessionId, r.id]));
      for (const r of plan.putEntries) reqs.push(tx.objectStore('history').delete([sessionId, r.id]));
    }),
  ).catch(() => undefined);
}

