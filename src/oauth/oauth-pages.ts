/** The small HTML pages a person sees at the end of the browser flow. No scripts, nothing external. */

export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The callback URL carries the code: keep it out of Referer headers and frames.
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
};

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Patchbay</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}code{background:#f3f3f3;padding:0 .2em}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>
`;
}

export function connectedPage(serverName: string, warning?: string): string {
  const extra = warning
    ? `<p>The authorization succeeded, but the first connection check failed: ${escape(warning)}</p>`
    : '<p>You can close this window.</p>';
  return page('Connected', `<p>Patchbay is now connected to <strong>${escape(serverName)}</strong>.</p>${extra}`);
}

export function failedPage(message: string, requestId?: string): string {
  const ref = requestId ? `<p>Reference: <code>${escape(requestId)}</code></p>` : '';
  return page('Connection failed', `<p>${escape(message)}</p><p>Start the connection again from Patchbay.</p>${ref}`);
}
