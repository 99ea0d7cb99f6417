import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from '../components/AppShell';
import { SignIn } from '../features/auth/components/SignIn';
import { RuleSetList } from '../features/rulesets/components/RuleSetList';
import { RequireSignIn } from './RequireSignIn';
import { RuleSetRoute } from './routes/RuleSetRoute';
import { HistoryRoute } from './routes/HistoryRoute';
import { DiffRoute } from './routes/DiffRoute';

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
              { path: '*', element: <p role="alert">This page does not exist. <a href="/authoring/rulesets">Back to rule sets</a></p> },
            ],
          },
        ],
      },
    ],
    { basename: '/authoring' },
  );
}
