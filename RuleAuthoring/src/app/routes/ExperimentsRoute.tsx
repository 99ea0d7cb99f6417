import { lazy, Suspense } from 'react';
import { Loading } from '../../components/Loading';

// The analysts' screens load when first opened, not with the planners' first screen.
const ExperimentList = lazy(() => import('../../features/experiments/components/ExperimentList').then((m) => ({ default: m.ExperimentList })));

/** /experiments?segment=&status= — the A/B experiments. */
export function ExperimentsRoute() {
  return <Suspense fallback={<Loading what="experiments" />}><ExperimentList /></Suspense>;
}
