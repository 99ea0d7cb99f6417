import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../lib/auth';
import { Loading } from '../components/Loading';

/** Screens behind sign-in; a reload re-reads the role of the key kept for this tab. */
export function RequireSignIn() {
  const { me, restore } = useAuth();
  const location = useLocation();
  const [checked, setChecked] = useState(me !== null);

  useEffect(() => {
    if (me) return;
    let live = true;
    void restore().finally(() => { if (live) setChecked(true); });
    return () => { live = false; };
  }, [me, restore]);

  if (me) return <Outlet />;
  if (!checked) return <Loading what="your session" />;
  return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
}
