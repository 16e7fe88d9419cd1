/** Server-rendered sign-in, consent and error pages: plain HTML forms, no JavaScript, every value escaped. */

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)} · Patchbay</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1d2330;margin:0}
main{max-width:30rem;margin:3rem auto;background:#fff;border:1px solid #d9dce3;border-radius:10px;padding:2rem 2.25rem}
h1{font-size:1.35rem;margin:0 0 1rem}.brand{font-weight:700;color:#3451b2;letter-spacing:.02em;margin-bottom:1.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:1rem 0 1.5rem}dt{color:#5b6375}dd{margin:0;word-break:break-all}
code{background:#eef0f4;border-radius:4px;padding:0 .3rem}label{display:block;font-weight:600;margin-bottom:.35rem}
input[type=password]{width:100%;box-sizing:border-box;padding:.55rem .7rem;border:1px solid #b9bfcc;border-radius:6px;font:inherit}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button{font:inherit;padding:.55rem 1.2rem;border-radius:6px;border:1px solid #3451b2;cursor:pointer}
.primary{background:#3451b2;color:#fff}.secondary{background:#fff;color:#3451b2}.error{background:#fdecec;border:1px solid #f1b5b5;color:#8a1c1c;padding:.6rem .8rem;border-radius:6px}
.note{color:#5b6375;font-size:.9rem}a.button{display:inline-block;text-decoration:none;padding:.55rem 1.2rem;border-radius:6px}
</style></head><body><main><div class="brand">Patchbay</div>${body}</main></body></html>`;
}

export interface SignInView {
  uid: string;
  csrf: string;
  clientName: string;
  error?: string;
  /** present when sign-in goes through the configured OIDC IdP */
  idpUrl?: string;
}

export function signInPage(v: SignInView): string {
  const error = v.error ? `<p class="error" role="alert">${esc(v.error)}</p>` : '';
  if (v.idpUrl) {
    return layout(
      'Sign in',
      `<h1>Sign in to continue to ${esc(v.clientName)}</h1>${error}
<p>You sign in with your organisation's account; then you choose what <strong>${esc(v.clientName)}</strong> may do.</p>
<div class="actions"><a class="button primary" href="${esc(v.idpUrl)}">Sign in with your organisation</a></div>`,
    );
  }
  return layout(
    'Sign in',
    `<h1>Sign in to continue to ${esc(v.clientName)}</h1>${error}
<form method="post" action="/oauth/interaction/${esc(v.uid)}/login">
<input type="hidden" name="csrf" value="${esc(v.csrf)}">
<label for="key">Patchbay API key</label>
<input id="key" name="key" type="password" autocomplete="off" required placeholder="pbk_…">
<p class="note">The key is used once, to sign you in; it is not given to the application. The application acts with this key's rights, and only on the gateway URL it asked for.</p>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
  );
}

export interface ConsentView {
  uid: string;
  csrf: string;
  clientName: string;
  clientId: string;
  redirectHost: string;
  scopeLabel: string;
  resource: string;
  account: string;
}

export function consentPage(v: ConsentView): string {
  return layout(
    'Allow access',
    `<h1>Allow ${esc(v.clientName)} to use your MCP tools?</h1>
<dl>
<dt>Application</dt><dd>${esc(v.clientName)}</dd>
<dt>Client ID</dt><dd><code>${esc(v.clientId)}</code></dd>
<dt>Returns to</dt><dd>${esc(v.redirectHost)}</dd>
<dt>Access to</dt><dd>${esc(v.scopeLabel)}<br><code>${esc(v.resource)}</code></dd>
<dt>Permission</dt><dd><code>execute</code>: list and call the tools there</dd>
<dt>Acting as</dt><dd><code>${esc(v.account)}</code></dd>
</dl>
<form method="post" action="/oauth/interaction/${esc(v.uid)}/confirm">
<input type="hidden" name="csrf" value="${esc(v.csrf)}">
<div class="actions"><button class="primary" type="submit" name="decision" value="approve">Allow</button>
<button class="secondary" type="submit" name="decision" value="deny">Deny</button></div>
</form>
<p class="note">You can revoke this at any time: <code>DELETE /api/oauth-grants/{id}</code>.</p>`,
  );
}

export function errorPage(title: string, description?: string): string {
  return layout('Error', `<h1>${esc(title)}</h1>${description ? `<p class="error">${esc(description)}</p>` : ''}`);
}
