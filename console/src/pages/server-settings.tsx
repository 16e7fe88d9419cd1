import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { asUpdateBody, type McpServer, type UpdateServerBody } from '../api/types';
import { useAction } from '../hooks';
import { can, useScope } from '../scope';
import { ErrorNote, Field } from '../ui';

/** A server's settings. Secrets are write-only: shown as set / not set, replaced or removed, never read back. */
export function ServerSettings({ m, onSaved }: { m: McpServer; onSaved: () => void }) {
  const s = useScope();
  const editable = can(s, 'write');
  const [f, setF] = useState({
    name: m.name,
    description: m.description ?? '',
    url: m.url ?? '',
    command: m.command ?? '',
    args: m.args.join('\n'),
    enabled: m.enabled,
    authType: m.authType,
    apiKey: '',
  });
  const [saved, setSaved] = useState(false);
  const save = useAction(async (patch: UpdateServerBody) => {
    setSaved(false);
    await call(api.PATCH('/api/mcp-servers/{id}', { params: { path: { id: m.id } }, body: asUpdateBody(patch) }));
    setF((cur) => ({ ...cur, apiKey: '', authType: patch.authType ?? cur.authType }));
    setSaved(true);
    onSaved();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch: UpdateServerBody = { name: f.name.trim(), description: f.description.trim() || undefined, enabled: f.enabled, authType: f.authType };
    if (m.transport === 'stdio') {
      patch.command = f.command.trim();
      patch.args = f.args.split('\n').map((a) => a.trim()).filter(Boolean);
    } else patch.url = f.url.trim();
    if (f.apiKey) patch.apiKey = f.apiKey;
    void save.run(patch);
  };
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useAction(async () => {
    await call(api.DELETE('/api/mcp-servers/{id}', { params: { path: { id: m.id } } }));
    location.hash = '#/servers';
  });
  const secret = (set: boolean) => (set ? <span className="badge status-connected">Set</span> : <span className="badge">Not set</span>);
  return (
    <section aria-labelledby="set-h">
      <h2 id="set-h">Settings</h2>
      <form className="card" onSubmit={submit}>
        <fieldset disabled={!editable} className="plain">
          <legend className="sr-only">Server settings</legend>
          <Field id="set-name" label="Name">
            <input id="set-name" required value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
          </Field>
          <Field id="set-desc" label="Description">
            <input id="set-desc" value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} />
          </Field>
          {m.transport === 'stdio' ? (
            <>
              <Field id="set-cmd" label="Command">
                <input id="set-cmd" required value={f.command} onChange={(e) => setF({ ...f, command: e.target.value })} />
              </Field>
              <Field id="set-args" label="Arguments, one per line">
                <textarea id="set-args" rows={3} value={f.args} onChange={(e) => setF({ ...f, args: e.target.value })} />
              </Field>
            </>
          ) : (
            <Field id="set-url" label="URL">
              <input id="set-url" type="url" required value={f.url} onChange={(e) => setF({ ...f, url: e.target.value })} />
            </Field>
          )}
          <label className="check">
            <input type="checkbox" checked={f.enabled} onChange={(e) => setF({ ...f, enabled: e.target.checked })} /> Enabled (a disabled server runs no tools)
          </label>
          {m.transport !== 'stdio' && (
            <Field id="set-auth" label="Authentication">
              <select id="set-auth" value={f.authType} onChange={(e) => setF({ ...f, authType: e.target.value as McpServer['authType'] })}>
                <option value="none">None</option>
                <option value="api_key">API key</option>
                <option value="oauth">OAuth</option>
              </select>
            </Field>
          )}
          {f.authType === 'api_key' && (
            <div className="field">
              <span>API key {secret(m.hasApiKey)}</span>
              <label htmlFor="set-apikey">{m.hasApiKey ? 'Replace the API key' : 'API key'}</label>
              <input id="set-apikey" type="password" autoComplete="off" value={f.apiKey} onChange={(e) => setF({ ...f, apiKey: e.target.value })} />
              {m.hasApiKey && (
                <button type="button" className="small" onClick={() => void save.run({ apiKey: null, authType: 'none' })}>
                  Remove the API key
                </button>
              )}
            </div>
          )}
          {m.authType === 'oauth' && (
            <p>
              OAuth client secret {secret(m.hasOauthClientSecret)} · token{' '}
              {m.oauthExpiresAt ? (
                <>expires {new Date(m.oauthExpiresAt).toLocaleString()}</>
              ) : (
                'not held yet (Connect to approve)'
              )}
            </p>
          )}
          {Object.keys(m.headers).length > 0 && <p>Headers (values hidden): {Object.keys(m.headers).join(', ')}</p>}
          {Object.keys(m.env).length > 0 && <p>Environment (values hidden): {Object.keys(m.env).join(', ')}</p>}
          <ErrorNote error={save.error} />
          {saved && <p role="status">Saved.</p>}
          <button type="submit" className="primary" disabled={save.busy}>
            Save settings
          </button>
        </fieldset>
      </form>
      {editable && (
        <div className="card danger-zone">
          <h3>Delete this server</h3>
          <p>Its tools, history and gateway entry go with it.</p>
          {confirmDelete ? (
            <div className="actions">
              <button type="button" className="danger" disabled={remove.busy} onClick={() => void remove.run()}>
                Delete {m.name} for good
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete server
            </button>
          )}
          <ErrorNote error={remove.error} />
        </div>
      )}
    </section>
  );
}
