import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { SessionView } from '../api/types';
import { message } from '../hooks';
import { ErrorNote, Field, PageTitle } from '../ui';

/**
 * Sign-in with a Patchbay key: the platform admin key `npm start` printed, or a workspace API key.
 * The key goes to the server once and comes back as an HttpOnly session cookie; the page never
 * stores it. (Sign-in through the OIDC IdP will sit beside this form.)
 */
export function SignIn({ onSignedIn }: { onSignedIn: (s: SessionView) => void }) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await call<SessionView>(api.POST('/api/session', { body: { key: key.trim() } }));
      setKey('');
      onSignedIn(s);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="signin">
      <PageTitle>Sign in to Patchbay</PageTitle>
      <p>
        Paste a Patchbay key: the platform admin key that <code>npm start</code> printed on its first start (or your <code>ADMIN_API_KEY</code>), or a
        workspace API key (<code>pbk_…</code>). The console keeps a session cookie, never the key.
      </p>
      <form onSubmit={(e) => void submit(e)} className="card">
        <Field id="signin-key" label="Patchbay key">
          <input
            id="signin-key"
            name="key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={key}
            onChange={(e) => setKey(e.target.value)}
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </Field>
        <div id="signin-error">
          <ErrorNote error={error} />
        </div>
        <button type="submit" className="primary" disabled={busy || !key.trim()}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
