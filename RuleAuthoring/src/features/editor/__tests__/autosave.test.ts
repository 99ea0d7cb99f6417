import { AutosaveQueue, type SaveStatus } from '../lib/autosave';

interface Saved { revision: number; doc: string }

/** A save whose answer the test decides, one call at a time. */
function controlledSave() {
  const calls: Array<{ doc: string; revision: number; resolve: (r: Saved) => void; reject: (e: unknown) => void }> = [];
  const save = vi.fn((doc: string, revision: number) => new Promise<Saved>((resolve, reject) => {
    calls.push({ doc, revision, resolve, reject });
  }));
  return { save, calls };
}

const conflict = { status: 412, code: 'version_conflict' };

function queue(save: (doc: string, revision: number) => Promise<Saved>, statuses: SaveStatus['state'][] = []) {
  return new AutosaveQueue<string, Saved>({
    revision: 1,
    delayMs: 800,
    save,
    isConflict: (e) => e === conflict,
    onStatus: (s) => statuses.push(s.state),
    now: () => new Date('2026-11-26T16:42:00'),
  });
}

describe('AutosaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after a pause in typing, with the revision read', async () => {
    const { save, calls } = controlledSave();
    const q = queue(save);
    q.change('a');
    await vi.advanceTimersByTimeAsync(500);
    q.change('ab');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).not.toHaveBeenCalled();
    expect(q.status.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('ab', 1);
    expect(q.status.state).toBe('saving');
    calls[0]!.resolve({ revision: 2, doc: 'ab' });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.status).toEqual({ state: 'saved', at: new Date('2026-11-26T16:42:00') });
    expect(q.revision).toBe(2);
    expect(q.hasUnsavedChanges).toBe(false);
  });

  it('never has two saves in flight; a change made meanwhile is saved after, with the new revision', async () => {
    const { save, calls } = controlledSave();
    const q = queue(save);
    q.change('one');
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(1);

    q.change('two');
    q.change('three');
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(q.hasUnsavedChanges).toBe(true);

    calls[0]!.resolve({ revision: 2, doc: 'one' });
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('three', 2);
    calls[1]!.resolve({ revision: 3, doc: 'three' });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.status.state).toBe('saved');
    expect(q.revision).toBe(3);
  });

  it('waits for the pause of a change made during a save that has not ended yet', async () => {
    const { save, calls } = controlledSave();
    const q = queue(save);
    q.change('one');
    await vi.advanceTimersByTimeAsync(800);
    q.change('two');
    calls[0]!.resolve({ revision: 2, doc: 'one' });
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    expect(q.status.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenLastCalledWith('two', 2);
  });

  it('stops on a conflict: nothing is sent again until the planner overwrites', async () => {
    const { save, calls } = controlledSave();
    const statuses: SaveStatus['state'][] = [];
    const q = queue(save, statuses);
    q.change('mine');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.reject(conflict);
    await vi.advanceTimersByTimeAsync(0);
    expect(q.status.state).toBe('conflict');
    expect(q.unsaved).toBe('mine');

    q.change('mine, more');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await q.flush()).toBe(false);
    expect(save).toHaveBeenCalledTimes(1);

    const done = q.overwrite(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenLastCalledWith('mine, more', 7);
    calls[1]!.resolve({ revision: 8, doc: 'mine, more' });
    expect(await done).toBe(true);
    expect(statuses).toEqual(['pending', 'saving', 'conflict', 'saving', 'saved']);
  });

  it('after a conflict, reloading theirs discards the unsaved document', async () => {
    const { save, calls } = controlledSave();
    const q = queue(save);
    q.change('mine');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.reject(conflict);
    await vi.advanceTimersByTimeAsync(0);
    q.reset(9);
    expect(q.hasUnsavedChanges).toBe(false);
    expect(q.status.state).toBe('saved');
    q.change('again');
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenLastCalledWith('again', 9);
  });

  it('keeps a failed save as unsaved and retries it with the next change or a flush', async () => {
    const { save, calls } = controlledSave();
    const q = queue(save);
    q.change('a');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.reject(new Error('offline'));
    await vi.advanceTimersByTimeAsync(0);
    expect(q.status).toMatchObject({ state: 'failed' });
    expect(q.unsaved).toBe('a');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);

    const flushed = q.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenLastCalledWith('a', 1);
    calls[1]!.resolve({ revision: 2, doc: 'a' });
    expect(await flushed).toBe(true);
  });

  it('flush saves at once without waiting for the pause', async () => {
    const { save, calls } = controlledSave();
    const q = queue(save);
    q.change('now');
    const flushed = q.flush();
    expect(save).toHaveBeenCalledWith('now', 1);
    calls[0]!.resolve({ revision: 2, doc: 'now' });
    expect(await flushed).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
