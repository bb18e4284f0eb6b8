import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveStatus } from '../../src/io/autosave';
import { sameContent, watchStore } from '../../src/io/session-autosave';
import { StorageFullError } from '../../src/io/db';
import { sampleContent } from './helpers';

/** A save that records when it started and what it got, taking `ms` of (fake) time. */
function recorder(ms = 5) {
  const saves: { at: number; snapshot: number }[] = [];
  let running = 0;
  let maxRunning = 0;
  const save = async (snapshot: number) => {
    saves.push({ at: Date.now(), snapshot });
    maxRunning = Math.max(maxRunning, ++running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
  };
  return { saves, save, maxRunning: () => maxRunning };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('autosave scheduling', () => {
  it('saves a single change after a short quiet period, well within 1 s', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save });
    autosave.change(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(r.saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.saves).toEqual([{ at: 250, snapshot: 1 }]);
  });

  it('coalesces a burst of changes into one save of the latest state', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save });
    for (let i = 1; i <= 10; i++) {
      autosave.change(i);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.saves.map((s) => s.snapshot)).toEqual([10]);
  });

  it('while changes never stop (a long drag), every change is saved within 1 s and saves never overlap', async () => {
    const r = recorder(120);
    const autosave = createAutosave({ save: r.save });
    const changedAt: number[] = [];
    for (let i = 0; i < 300; i++) {
      changedAt.push(Date.now());
      autosave.change(i);
      await vi.advanceTimersByTimeAsync(16); // one change per frame for ~5 s
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.maxRunning()).toBe(1);
    for (const [i, t] of changedAt.entries()) {
      // the first save that includes change i (snapshots are change counters)
      const save = r.saves.find((s) => s.snapshot >= i)!;
      expect(save.at - t, `change ${i}`).toBeLessThan(1000);
    }
    expect(r.saves.at(-1)!.snapshot).toBe(299);
    expect(autosave.status().kind).toBe('saved');
  });

  it('reports saving and saved, with no unsaved changes left', async () => {
    const statuses: SaveStatus['kind'][] = [];
    const r = recorder(50);
    const autosave = createAutosave({ save: r.save, onStatus: (s) => statuses.push(s.kind) });
    autosave.change(1);
    expect(autosave.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses).toEqual(['pending', 'saving', 'saved']);
    expect(autosave.hasUnsaved()).toBe(false);
  });

  it('flush saves a pending change at once (the page is being hidden)', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save });
    autosave.change(7);
    const done = autosave.flush();
    await vi.advanceTimersByTimeAsync(5);
    await done;
    expect(r.saves).toEqual([{ at: 0, snapshot: 7 }]);
  });
});

describe('autosave failures', () => {
  it('reports a full disk plainly, keeps the change, and retries until it is saved', async () => {
    let fail = true;
    const saved: number[] = [];
    const statuses: SaveStatus[] = [];
    const autosave = createAutosave<number>({
      save: async (n) => {
        if (fail) throw new StorageFullError();
        saved.push(n);
      },
      onStatus: (s) => statuses.push(s),
      retryMs: 1000,
    });
    autosave.change(1);
    await vi.advanceTimersByTimeAsync(300);
    const error = statuses.at(-1);
    expect(error).toMatchObject({ kind: 'error', storageFull: true });
    expect(error?.kind === 'error' && error.message).toMatch(/Storage is full/);
    expect(autosave.hasUnsaved()).toBe(true);
    fail = false; // the user deleted an old session
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([1]);
    expect(autosave.status().kind).toBe('saved');
  });

  it('a change made while a save fails is the one saved next', async () => {
    let calls = 0;
    const saved: number[] = [];
    const autosave = createAutosave<number>({
      save: async (n) => {
        await new Promise((r) => setTimeout(r, 100));
        if (++calls === 1) throw new Error('disk hiccup');
        saved.push(n);
      },
    });
    autosave.change(1);
    await vi.advanceTimersByTimeAsync(300); // save of 1 starts at 250
    autosave.change(2); // during the failing save
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saved).toEqual([2]);
  });
});

describe('watching the store', () => {
  it('reports changes to the session content, not to the rest of the state (view, selection)', () => {
    type State = { content: ReturnType<typeof sampleContent>; zoom: number };
    let listener: (s: State, p: State) => void = () => {};
    const store = {
      subscribe: (l: typeof listener) => {
        listener = l;
        return () => {};
      },
    };
    const changes: unknown[] = [];
    // The selector builds a new object each time, as a real one would.
    watchStore(store, (s: State) => ({ ...s.content }), { change: (c) => changes.push(c) });
    const a: State = { content: sampleContent(), zoom: 1 };
    listener({ ...a, zoom: 2 }, a);
    expect(changes).toHaveLength(0);
    const edited = { ...a, content: { ...a.content, curves: a.content.curves.slice(1) } };
    listener(edited, a);
    expect(changes).toHaveLength(1);
    expect(sameContent(changes[0] as State['content'], edited.content)).toBe(true);
  });
});
