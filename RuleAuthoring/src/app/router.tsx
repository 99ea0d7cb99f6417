import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from '../components/AppShell';
import { SignIn } from '../features/auth/components/SignIn';
import { RuleSetList } from '../features/rulesets/components/RuleSetList';
import { RequireSignIn } from './RequireSignIn';
import { RuleSetRoute } from './routes/RuleSetRoute';
import { HistoryRoute } from './routes/HistoryRoute';
import { DiffRoute } from './routes/DiffRoute';
import { ExperimentsRoute } from './routes/ExperimentsRoute';
import { NewExperimentRoute } from './routes/NewExperimentRoute';
import { ExperimentRoute } from './routes/ExperimentRoute';
import { JobsRoute } from './routes/JobsRoute';

/** A data router, so that screens with unsaved changes can block navigation (useBlocker). */
export function createRouter() {
  return createBrowserRouter(
    [
      { path: '/signin', element: <SignIn /> },
      {
        element: <RequireSignIn />,
        children: [
          {
            element: <AppShell />,
            children: [
              { index: true, element: <Navigate to="/rulesets" replace /> },
              { path: 'rulesets', element: <RuleSetList /> },
              { path: 'rulesets/:id', element: <RuleSetRoute /> },
              { path: 'segments/:segment', element: <HistoryRoute /> },
              { path: 'diff', element: <DiffRoute /> },
              { path: 'experiments', element: <ExperimentsRoute /> },
              { path: 'experiments/new', element: <NewExperimentRoute /> },
              { path: 'experiments/:id', element: <ExperimentRoute /> },
              { path: 'jobs-status', element: <JobsRoute /> },
              { path: '*', element: <p role="alert">This page does not exist. <a href="/authoring/rulesets">Back to rule sets</a></p> },
            ],
          },
        ],
      },
    ],
    { basename: '/authoring' },
  );
}
