// Just enough of a browser to sign in through the demo provider from a test: fetch with a cookie
// jar, following redirects until they leave the provider. No scripts, no rendering.

export interface ScriptedBrowser {
  /** GET or form-POST a provider URL; follows redirects within `origin` and stops at the first
   * response that is not a redirect or whose redirect leaves it (then `location` is set). */
  open(url: string | URL, form?: Record<string, string>): Promise<PageResult>;
}

export interface PageResult {
  status: number;
  url: string;
  body: string;
  /** Where the last redirect pointed, when it left the provider (ArgoVue's callback, say). */
  location?: string;
}

function rememberCookies(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator < 1) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', attributeValue = ''] = attribute.trim().split('=');
      if (key.toLowerCase() === 'max-age') return Number(attributeValue) <= 0;
      if (key.toLowerCase() === 'expires') return Date.parse(attributeValue) <= Date.now();
      return false;
    });
    if (value === '' || expired) jar.delete(name);
    else jar.set(name, value);
  }
}

/** A browser for one origin (the provider's); cookies are kept by name, paths ignored. */
export function scriptedBrowser(origin: string): ScriptedBrowser {
  const jar = new Map<string, string>();
  return {
    async open(url, form) {
      let current = new URL(url);
      let init: RequestInit = form ? { method: 'POST', body: new URLSearchParams(form) } : {};
      for (let hop = 0; hop < 20; hop++) {
        const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
        const response = await fetch(current, {
          ...init,
          redirect: 'manual',
          headers: cookie === '' ? {} : { cookie },
        });
        rememberCookies(jar, response);
        const location = response.headers.get('location');
        if (response.status < 300 || response.status > 399 || location === null) {
          return { status: response.status, url: current.href, body: await response.text() };
        }
        await response.body?.cancel();
        const next = new URL(location, current);
        if (next.origin !== origin) {
          return { status: response.status, url: current.href, body: '', location: next.href };
        }
        current = next;
        init = {};
      }
      throw new Error(`more than 20 redirects from ${String(url)}`);
    },
  };
}

/** The attribute values of a form on a page, found by a pattern for simple, generated markup. */
export function formFields(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*\saction="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('no form on the page');
  const fields: Record<string, string> = {};
  for (const input of html.matchAll(/<input[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(input[0])?.[1];
    const value = /\svalue="([^"]*)"/.exec(input[0])?.[1];
    if (name !== undefined && value !== undefined) fields[name] = value;
  }
  return { action: action.replaceAll('&amp;', '&'), fields };
}

/** Signs in on the provider's login page; returns the redirect back to the client (its callback). */
export async function signIn(
  browser: ScriptedBrowser,
  authorizationUrl: URL,
  username: string,
  password: string,
): Promise<PageResult> {
  const loginPage = await browser.open(authorizationUrl);
  if (loginPage.location !== undefined) return loginPage; // already signed in at the provider
  const { action } = formFields(loginPage.body);
  return browser.open(new URL(action, loginPage.url), { username, password });
}
