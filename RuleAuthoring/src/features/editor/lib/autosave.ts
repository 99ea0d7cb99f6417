/** Where a draft's edits are: saved, waiting for the pause in typing, on their way, or stuck. */
export type SaveStatus =
  | { state: 'saved'; at: Date | null }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; error: unknown }
  | { state: 'conflict'; error: unknown };

export interface AutosaveOptions<D, R extends { revision: number }> {
  /** The revision last read: sent as If-Match with the first save. */
  revision: number;
  /** Pause after the last change before saving. */
  delayMs?: number;
  save: (doc: D, revision: number) => Promise<R>;
  /** A refusal because someone else saved meanwhile (412): autosaving stops until the planner decides. */
  isConflict: (error: unknown) => boolean;
  onStatus?: (status: SaveStatus) => void;
  /** After each successful save; `more` is true when newer changes are still waiting. */
  onSaved?: (result: R, more: boolean) => void;
  now?: () => Date;
}

/**
 * Saves a draft some time after the last change, one save at a time: a change made while a save is in
 * flight is saved after it, with the revision that save returned. A conflict stops it; nothing is ever
 * sent again until {@link overwrite} or {@link reset}. Framework-free, so that it is tested with fake timers.
 */
export class AutosaveQueue<D, R extends { revision: number }> {
  private readonly options: AutosaveOptions<D, R>;
  private currentRevision: number;
  private pending: D | undefined;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private currentStatus: SaveStatus = { state: 'saved', at: null };

  constructor(options: AutosaveOptions<D, R>) {
    this.options = options;
    this.currentRevision = options.revision;
  }

  get revision(): number {
    return this.currentRevision;
  }

  get status(): SaveStatus {
    return this.currentStatus;
  }

  /** Changes not yet confirmed by the service (waiting, in flight, failed or refused). */
  get hasUnsavedChanges(): boolean {
    return this.pending !== undefined || this.inFlight !== null;
  }

  /** The newest document not saved yet, if any. */
  get unsaved(): D | undefined {
    return this.pending;
  }

  /** A new version of the document: saved after the pause (or after the save in flight). */
  change(doc: D): void {
    this.pending = doc;
    if (this.stopped) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.options.delayMs ?? 800);
    if (!this.inFlight) this.setStatus({ state: 'pending' });
  }

  /** Saves now, and resolves true once everything is saved (false after a failure or a conflict). */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (!this.stopped && (this.inFlight || this.pending !== undefined)) {
      if (!this.inFlight) {
        this.run();
        if (!this.inFlight) break;
      }
      await this.inFlight;
      if (this.currentStatus.state === 'failed' || this.currentStatus.state === 'conflict') return false;
    }
    return !this.stopped && !this.hasUnsavedChanges;
  }

  /** After a conflict, the planner keeps hers: save the unsaved document over the revision read just now. */
  overwrite(revision: number): Promise<boolean> {
    this.stopped = false;
    this.currentRevision = revision;
    return this.flush();
  }

  /** Discards unsaved changes and starts again from a revision read from the service. */
  reset(revision: number): void {
    this.clearTimer();
    this.pending = undefined;
    this.stopped = false;
    this.currentRevision = revision;
    this.setStatus({ state: 'saved', at: null });
  }

  /** Stops the pending timer (the component went away); unsaved changes stay readable in {@link unsaved}. */
  dispose(): void {
    this.clearTimer();
  }

  private run(): void {
    if (this.inFlight || this.stopped || this.pending === undefined) return;
    this.clearTimer();
    const doc = this.pending;
    this.pending = undefined;
    this.setStatus({ state: 'saving' });
    this.inFlight = (async () => {
      let failed = false;
      try {
        const result = await this.options.save(doc, this.currentRevision);
        this.currentRevision = result.revision;
        this.options.onSaved?.(result, this.pending !== undefined);
        this.setStatus(this.pending !== undefined ? { state: 'pending' } : { state: 'saved', at: (this.options.now ?? (() => new Date()))() });
      } catch (error) {
        failed = true;
        // A newer change already holds everything this one had.
        if (this.pending === undefined) this.pending = doc;
        if (this.options.isConflict(error)) {
          this.stopped = true;
          this.clearTimer();
          this.setStatus({ state: 'conflict', error });
        } else {
          this.setStatus({ state: 'failed', error });
        }
      } finally {
        this.inFlight = null;
      }
      // A change whose pause ended during the save goes right after it; a failure waits for the next change.
      if (!failed && this.pending !== undefined && this.timer === null) this.run();
    })();
  }

  private clearTimer() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private setStatus(status: SaveStatus) {
    this.currentStatus = status;
    this.options.onStatus?.(status);
  }
}
