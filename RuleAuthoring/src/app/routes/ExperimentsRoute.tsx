import { ExperimentList } from '../../features/experiments/components/ExperimentList';

/** /experiments?segment=&status= — the A/B experiments. */
export function ExperimentsRoute() {
  return <ExperimentList />;
}
