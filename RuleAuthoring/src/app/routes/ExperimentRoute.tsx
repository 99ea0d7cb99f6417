import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { Loading } from '../../components/Loading';

const ExperimentPage = lazy(() => import('../../features/experiments/components/ExperimentPage').then((m) => ({ default: m.ExperimentPage })));

/** /experiments/:id?source=replay|live — one experiment: live split, replay and results. */
export function ExperimentRoute() {
  const { id = '' } = useParams();
  return <Suspense fallback={<Loading what="the experiment" />}><ExperimentPage key={id} id={id} /></Suspense>;
}
