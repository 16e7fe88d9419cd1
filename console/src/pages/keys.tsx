import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { ApiKey, Page, Scope } from '../api/types';
import { useAction, useLoad } from '../hooks';
import { can, useScope } from '../scope';
import { CopyButton, Empty, ErrorNote, Field, PageTitle, Show, Time } from '../ui';

const SCOPES: { id: Scope; what: string }[] = [
  { id: 'read', what: 'read servers, tools and runs' },
  { id: 'write', what: 'register and change servers' },
  { id: 'execute', what: 'run tools, use the gateway' },
  { id: 'admin', what: 'manage keys and members' },
];

/** The workspace's API keys: create (the secret shown once), revoke. */
export function KeysPage() {
  const s = useScope();
  const ws = s.workspaceId!;
  const [keys, reload] = useLoad(() => call<Page<ApiKey>>(api.GET('/api/api-keys', { params: { query: { workspaceId: ws, limit: 100 } } })), [ws]);
  if (!can(s, 'admin')) {
    return (
      <>
        <PageTitle>API keys</PageTitle>
        <p>Managing keys needs the admin scope; this key does not hold it.</p>
      </>
    );
  }
  return (
    <>
      <PageTitle>API keys</PageTitle>
      <CreateKey workspaceId={ws} onCreated={reload} />
      <section aria-labelledby="keys-h">
        <h2 id="keys-h">Keys of this workspace</h2>
        <Show value={keys} what="API keys">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>No API key yet.</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">API keys</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Key</th>
                      <th scope="col">Scopes</th>
                      <th scope="col">Last used</th>
                      <th scope="col">State</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((k) => (
                      <KeyRow key={k.id} k={k} self={s.session.subject === k.id} onChanged={reload} />
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Show>
      </section>
    </>
  );
}

function KeyRow({ k, self, onChanged }: { k: ApiKey; self: boolean; onChanged: () => void }) {
  const [confirm, setConfirm] = useState(false);
  const revoke = useAction(async () => {
    await call(api.DELETE('/api/api-keys/{id}', { params: { path: { id: k.id } } }));
    onChanged();
  });
  const revoked = !!k.revokedAt;
  return (
    <tr>
      <th scope="row">{k.name}</th>
      <td>
        <code>{k.prefix}…</code>
      </td>
      <td>{k.scopes.join(', ')}</td>
      <td>
        <Time at={k.lastUsedAt} />
      </td>
      <td>{revoked ? <span className="badge status-error">Revoked</span> : <span className="badge status-connected">Active</span>}</td>
      <td>
        {!revoked &&
          (confirm ? (
            <span className="actions">
              <button type="button" className="danger small" disabled={revoke.busy} onClick={() => void revoke.run()}>
                Confirm revoke {k.name}
              </button>
              <button type="button" className="small" onClick={() => setConfirm(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" className="small" onClick={() => setConfirm(true)} title={self ? 'This is the key you signed in with' : undefined}>
              Revoke {k.name}
            </button>
          ))}
        <ErrorNote error={revoke.error} />
      </td>
    </tr>
  );
}

function CreateKey({ workspaceId, onCreated }: { workspaceId: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read', 'execute']);
  const [secret, setSecret] = useState<string | null>(null);
  const act = useAction(async () => {
    const created = await call<{ key: string }>(api.POST('/api/api-keys', { body: { workspaceId, name, scopes } }));
    setSecret(created.key);
    setName('');
    onCreated();
  });
  return (
    <section aria-labelledby="newkey-h" className="card">
      <h2 id="newkey-h">Create a key</h2>
      <form onSubmit={(e: FormEvent) => (e.preventDefault(), void act.run())}>
        <Field id="key-name" label="Name">
          <input id="key-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((sc) => (
            <label key={sc.id} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(sc.id)}
                onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, sc.id] : cur.filter((x) => x !== sc.id)))}
              />
              <span>
                <strong>{sc.id}</strong> <span className="muted">{sc.what}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={act.busy || !name.trim() || scopes.length === 0}>
          Create key
        </button>
        <ErrorNote error={act.error} />
      </form>
      {secret && (
        <div className="secret" role="status">
          <p>
            <strong>Copy this key now.</strong> It is shown only once; Patchbay keeps only its hash.
          </p>
          <code className="block" data-testid="new-key">
            {secret}
          </code>
          <div className="actions">
            <CopyButton text={secret} label="Copy key" />
            <button type="button" className="small" onClick={() => setSecret(null)}>
              I have stored it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
