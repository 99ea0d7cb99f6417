import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../lib/auth';
import { Field } from '../../../components/Field';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { ApiProblem } from '../../../lib/problem';

/** Sign-in with an API key; the service says whose key it is and which role it carries. */
export function SignIn() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/rulesets';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!apiKey.trim()) {
      setError(new Error('Enter your API key.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(apiKey.trim());
      navigate(from, { replace: true });
    } catch (e) {
      setError(e instanceof ApiProblem && e.status === 401
        ? new Error('This API key is not accepted: check it for typos, or ask your administrator whether it was revoked.')
        : e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin">
      <form className="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Rule authoring</h1>
        <p className="muted">Use the API key your administrator gave you. Planners edit and publish; analysts and operators read and leave feedback.</p>
        <Field label="API key" help="On a development service: dev-planner, dev-analyst or dev-operator.">
          {({ id, describedBy }) => (
            <input id={id} aria-describedby={describedBy} type="password" autoComplete="current-password"
              value={apiKey} onChange={(e) => setApiKey(e.target.value)} autoFocus />
          )}
        </Field>
        <ProblemNotice problem={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
