import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { Dialog } from './Dialog';
import type { DraftSession } from './useDraftSession';

/**
 * Unsaved changes are never lost silently: the browser asks before closing or reloading, and leaving the
 * page in the tool first saves what is waiting; only when that cannot be done does it ask.
 */
export function LeaveGuard({ session }: { session: DraftSession }) {
  const { hasUnsaved, flush } = session;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => hasUnsaved && currentLocation.pathname !== nextLocation.pathname);
  const [ask, setAsk] = useState(false);

  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a return value to show their prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);

  useEffect(() => {
    if (blocker.state !== 'blocked') {
      setAsk(false);
      return;
    }
    let live = true;
    void flush().then((saved) => {
      if (!live) return;
      if (saved) blocker.proceed();
      else setAsk(true);
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [blocker.state]);

  if (blocker.state !== 'blocked' || !ask) return null;
  return (
    <Dialog
      title="Leave without saving?"
      onClose={() => blocker.reset()}
      actions={(
        <>
          <button type="button" className="btn btn-primary" onClick={() => blocker.reset()} data-autofocus>Stay on this page</button>
          <button type="button" className="btn btn-danger" onClick={() => blocker.proceed()}>Leave without saving</button>
        </>
      )}
    >
      <p>Your latest changes to this draft could not be saved{session.conflict ? ' (someone else saved it meanwhile)' : session.jsonError ? ' (the JSON is not valid yet)' : ''}.</p>
      <p className="muted">If you leave, they stay in this browser and are offered again when you come back to this draft.</p>
    </Dialog>
  );
}
