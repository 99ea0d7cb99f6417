import { lazy, Suspense } from 'react';
import { Loading } from '../../components/Loading';

const ExperimentCreate = lazy(() => import('../../features/experiments/components/ExperimentCreate').then((m) => ({ default: m.ExperimentCreate })));

/** /experiments/new?segment= — a new experiment (analysts and admins). */
export function NewExperimentRoute() {
  return <Suspense fallback={<Loading what="the form" />}><ExperimentCreate /></Suspense>;
}
