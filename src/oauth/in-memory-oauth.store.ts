import {
  credentialKey,
  type OAuthClientRecord,
  type OAuthStateRecord,
  type OAuthStore,
  type OAuthTokenRecord,
  type StepUpState,
} from './oauth.types.js';

/**
 * The OAuthStore contract in memory, for tests and single-process tools: expiry and single use of
 * `state`, and a per-server promise-chain lock standing in for a Postgres advisory lock.
 */
export class InMemoryOAuthStore implements OAuthStore {
  private readonly clients = new Map<string, OAuthClientRecord>();
  private readonly tokens = new Map<string, OAuthTokenRecord>();
  private readonly states = new Map<string, OAuthStateRecord>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly now: () => number = Date.now) {}

  async getClient(serverId: string, issuer: string): Promise<OAuthClientRecord | null> {
    const c = this.clients.get(`${serverId} ${issuer}`);
    return c ? { ...c } : null;
  }

  async saveClient(serverId: string, issuer: string, client: OAuthClientRecord): Promise<void> {
    this.clients.set(`${serverId} ${issuer}`, { ...client });
  }

  async getTokens(serverId: string, principalId?: string): Promise<OAuthTokenRecord | null> {
    const t = this.tokens.get(credentialKey(serverId, principalId));
    return t ? { ...t } : null;
  }

  async saveTokens(serverId: string, tokens: OAuthTokenRecord, principalId?: string): Promise<void> {
    const key = credentialKey(serverId, principalId);
    const stepUp = this.tokens.get(key)?.stepUp;
    this.tokens.set(key, { ...tokens, stepUp });
  }

  async saveStepUp(serverId: string, stepUp: StepUpState | null, principalId?: string): Promise<void> {
    const key = credentialKey(serverId, principalId);
    const t = this.tokens.get(key);
    if (t) this.tokens.set(key, { ...t, stepUp: stepUp ? { ...stepUp } : undefined });
  }

  async deleteTokens(serverId: string, principalId?: string): Promise<void> {
    this.tokens.delete(credentialKey(serverId, principalId));
  }

  async createState(rec: OAuthStateRecord): Promise<void> {
    this.states.set(rec.state, { ...rec });
  }

  async consumeState(state: string): Promise<OAuthStateRecord | null> {
    const rec = this.states.get(state);
    if (!rec) return null;
    this.states.delete(state);
    return rec.expiresAt.getTime() > this.now() ? rec : null;
  }

  async withCredentialLock<T>(serverId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(serverId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(serverId, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(serverId) === tail) this.locks.delete(serverId);
    }
  }

  /** Test helpers. */
  stateCount(): number {
    return this.states.size;
  }
}
