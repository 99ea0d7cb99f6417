import { DiffPage } from '../../features/diff/components/DiffPage';

/** /diff?from=&to= — two versions of a segment side by side. */
export function DiffRoute() {
  return <DiffPage />;
}
