import { ExperimentCreate } from '../../features/experiments/components/ExperimentCreate';

/** /experiments/new?segment= — a new experiment (analysts and admins). */
export function NewExperimentRoute() {
  return <ExperimentCreate />;
}
