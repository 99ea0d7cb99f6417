import { NavLink, Outlet, useNavigate } from 'react-router';
import { useAuth } from '../lib/auth';
import { mayRunJobs } from '../lib/roles';

/** Header with the product, the navigation and who is signed in (name and role). */
export function AppShell() {
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="/authoring/rulesets">InventoryRules <span>Rule authoring</span></a>
        <nav aria-label="Main">
          <NavLink to="/rulesets">Rule sets</NavLink>
          <NavLink to="/experiments">Experiments</NavLink>
          {me && mayRunJobs(me.role) && <NavLink to="/jobs-status">Background jobs</NavLink>}
        </nav>
        {me && (
          <div className="whoami">
            <span aria-label="Signed in as">{me.name}</span>
            <span className={`badge badge-role role-${me.role}`} title="Your role">{me.role}</span>
            {!me.permissions.authorRules && <span className="badge badge-readonly">read-only</span>}
            <button type="button" className="btn btn-ghost" onClick={() => { signOut(); navigate('/signin'); }}>Sign out</button>
          </div>
        )}
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
