import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { Page } from '../api/types';
import { useAction, useLoad } from '../hooks';
import { can, useScope } from '../scope';
import { Empty, ErrorNote, Field, Show } from '../ui';

type Role = 'owner' | 'admin' | 'member' | 'viewer';
const ROLES: Role[] = ['owner', 'admin', 'member', 'viewer'];
interface Member {
  userId: string;
  email: string | null;
  name: string | null;
  role: Role;
}

/** Members of the workspace (dashboard users known from the OIDC IdP) and their roles. */
export function Members({ workspaceId }: { workspaceId: string }) {
  const s = useScope();
  const [members, reload] = useLoad(() => call<Page<Member>>(api.GET('/api/workspaces/{id}/members', { params: { path: { id: workspaceId } } })), [workspaceId]);
  const admin = can(s, 'admin');
  return (
    <section aria-labelledby="members-h">
      <h2 id="members-h">Members</h2>
      <Show value={members} what="members">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No member yet. Members are people who sign in through your OIDC identity provider.</Empty>
          ) : (
            <ul className="cards">
              {page.data.map((m) => (
                <MemberRow key={m.userId} workspaceId={workspaceId} m={m} editable={admin} onChanged={reload} />
              ))}
            </ul>
          )
        }
      </Show>
      {admin && <AddMember workspaceId={workspaceId} onAdded={reload} />}
    </section>
  );
}

function MemberRow({ workspaceId, m, editable, onChanged }: { workspaceId: string; m: Member; editable: boolean; onChanged: () => void }) {
  const path = { id: workspaceId, userId: m.userId };
  const setRole = useAction(async (role: Role) => {
    await call(api.PATCH('/api/workspaces/{id}/members/{userId}', { params: { path }, body: { role } }));
    onChanged();
  });
  const remove = useAction(async () => {
    await call(api.DELETE('/api/workspaces/{id}/members/{userId}', { params: { path } }));
    onChanged();
  });
  const who = m.name ?? m.email ?? m.userId;
  return (
    <li className="card row">
      <div>
        <strong>{who}</strong> <code className="muted">{m.userId}</code>
      </div>
      {editable ? (
        <div className="actions">
          <label htmlFor={`role-${m.userId}`} className="sr-only">
            Role of {who}
          </label>
          <select id={`role-${m.userId}`} value={m.role} disabled={setRole.busy} onChange={(e) => void setRole.run(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <button type="button" className="small" disabled={remove.busy} onClick={() => void remove.run()}>
            Remove {who}
          </button>
        </div>
      ) : (
        <span className="badge">{m.role}</span>
      )}
      <ErrorNote error={setRole.error ?? remove.error} />
    </li>
  );
}

function AddMember({ workspaceId, onAdded }: { workspaceId: string; onAdded: () => void }) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role>('member');
  const act = useAction(async () => {
    await call(api.POST('/api/workspaces/{id}/members', { params: { path: { id: workspaceId } }, body: { userId: userId.trim(), role } }));
    setUserId('');
    onAdded();
  });
  return (
    <form className="card inline" onSubmit={(e: FormEvent) => (e.preventDefault(), void act.run())}>
      <Field id="member-id" label="User id (usr_…)">
        <input id="member-id" required value={userId} onChange={(e) => setUserId(e.target.value)} />
      </Field>
      <Field id="member-role" label="Role">
        <select id="member-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary" disabled={act.busy || !userId.trim()}>
        Add member
      </button>
      <ErrorNote error={act.error} />
    </form>
  );
}
