import { useParams } from 'react-router';
import { ExperimentPage } from '../../features/experiments/components/ExperimentPage';

/** /experiments/:id?source=replay|live — one experiment: live split, replay and results. */
export function ExperimentRoute() {
  const { id = '' } = useParams();
  return <ExperimentPage key={id} id={id} />;
}
