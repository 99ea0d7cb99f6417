import { ProgressBar } from '../../../components/ProgressBar';
import { formatInstant } from '../../../lib/format';
import { replayActive, type Experiment, type ExperimentStatus, type Replay } from '../api/experiments';

const statusTitles: Record<ExperimentStatus, string> = {
  draft: 'Not started: no live order is split yet',
  running: 'Live: orders of the segment inside the window are split between the arms',
  stopped: 'Stopped: every order is decided by the version in force again',
};

export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  return <span className={`badge badge-exp-${status}`} title={statusTitles[status]}>{status}</span>;
}

/** A replay in a few words, with its progress while it runs. */
export function ReplayState({ replay, name }: { replay: Replay | null; name: string }) {
  if (!replay) return <span className="muted">not replayed</span>;
  if (replayActive(replay)) {
    return replay.status === 'queued' && replay.done === 0
      ? <span className="muted">replay queued</span>
      : <ProgressBar done={replay.done} total={replay.total} label={`Replay of ${name}`} />;
  }
  if (replay.status === 'failed') return <span className="exp-failed">replay failed</span>;
  return <span>replayed {formatInstant(replay.finishedAt)}</span>;
}

/** "v3 vs v4": control first, as everywhere on these screens. */
export function armsText(e: Pick<Experiment, 'control' | 'variant'>): string {
  return `v${e.control.version} vs v${e.variant.version}`;
}

/** 0.2 → "20%", 0.125 → "12.5%". */
export function trafficText(share: number): string {
  return `${Number((share * 100).toFixed(2)).toLocaleString('en-GB')}%`;
}
