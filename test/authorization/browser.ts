/**
 * A headless "browser" for the authorization pages: follows redirects by hand with a cookie jar,
 * reads the server-rendered forms and submits them, exactly as a person's browser would without
 * JavaScript. Stops at the client's redirect URI and returns that URL (code, state, iss).
 */
export class HeadlessBrowser {
  /** cookies by path and name (every server here is on 127.0.0.1, as in a browser cookies ignore the port) */
  private readonly jar = new Map<string, { path: string; name: string; value: string }>();
  /** every page's HTML, in order, for assertions */
  readonly pages: { url: string; status: number; html: string }[] = [];

  constructor(private readonly stopAt: string) {}

  cookieHeader(url: string): string {
    const path = new URL(url).pathname;
    return [...this.jar.values()]
      .filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .sort((x, y) => y.path.length - x.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const path = attrs.map((x) => /^\s*path=(.*)$/i.exec(x)?.[1]?.trim()).find(Boolean) ?? '/';
      const expired = attrs.some((x) => /^\s*expires=/i.test(x) && new Date(x.split('=')[1]).getTime() < Date.now());
      if (!value || expired) this.jar.delete(`${path} ${name}`);
      else this.jar.set(`${path} ${name}`, { path, name, value });
    }
  }

  /** GET (or POST a form) and follow redirects until a page or the client's redirect URI. */
  async go(url: string, form?: Record<string, string>): Promise<{ url: string; status: number; html: string; done?: URL }> {
    let method = form ? 'POST' : 'GET';
    let body: string | undefined = form ? new URLSearchParams(form).toString() : undefined;
    for (let hop = 0; hop < 20; hop++) {
      if (url.startsWith(this.stopAt)) return { url, status: 0, html: '', done: new URL(url) };
      const res = await fetch(url, {
        method,
        redirect: 'manual',
        body,
        headers: { cookie: this.cookieHeader(url), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      });
      this.store(res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      const page = { url, status: res.status, html: await res.text() };
      this.pages.push(page);
      return page;
    }
    throw new Error('too many redirects');
  }

  /** The first form on a page: its absolute action and the values of its inputs. */
  static form(page: { url: string; html: string }): { action: string; fields: Record<string, string> } {
    const m = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(page.html);
    if (!m) throw new Error(`no form on ${page.url}: ${page.html.slice(0, 500)}`);
    const fields: Record<string, string> = {};
    for (const input of m[2].matchAll(/<input\b[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      if (name) fields[name] = decode(/value="([^"]*)"/.exec(input[0])?.[1] ?? '');
    }
    return { action: new URL(decode(m[1]), page.url).toString(), fields };
  }
}

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export interface ApprovalResult {
  callback: URL;
  browser: HeadlessBrowser;
}

/** A person signs in with a Patchbay key and answers the consent page. */
export async function signInAndDecide(
  authorizationUrl: string,
  redirectUri: string,
  key: string,
  decision: 'approve' | 'deny' = 'approve',
): Promise<ApprovalResult> {
  const browser = new HeadlessBrowser(redirectUri);
  let page = await browser.go(authorizationUrl);
  if (page.done) return { callback: page.done, browser };
  if (page.html.includes('name="key"')) {
    const f = HeadlessBrowser.form(page);
    page = await browser.go(f.action, { ...f.fields, key });
    if (page.done) return { callback: page.done, browser };
  }
  if (!page.html.includes('name="decision"')) throw new Error(`expected the consent page, got ${page.status}: ${page.html.slice(0, 800)}`);
  const f = HeadlessBrowser.form(page);
  page = await browser.go(f.action, { ...f.fields, decision });
  if (!page.done) throw new Error(`expected a redirect to the client, got ${page.status}: ${page.html.slice(0, 800)}`);
  return { callback: page.done, browser };
}
