// A minimal browser for the sign-in round trip with fetch (lib/auth/sign-in.test.ts, e2e/sso.spec.ts):
// one cookie jar (per host, not per port, as in a browser), redirects followed by hand, and the
// provider's development sign-in and consent forms submitted like a person would.
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(url, { method: "GET", headers: { accept: "text/html", ...headers } });
  }

  async request(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (gone || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects from url until a non-redirect answer or a URL matching stopAt (not requested). */
  async follow(url: string, stopAt?: (url: string) => boolean): Promise<{ url: string; res: Response | null }> {
    for (let i = 0; i < 20; i++) {
      if (stopAt?.(url)) return { url, res: null };
      const res = await this.get(url);
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) return { url, res };
      url = new URL(location, url).href;
    }
    throw new Error("too many redirects");
  }

  /** From the provider's sign-in page: log in as `login`, consent, and stop at the redirect back to Parley. */
  async signInAtProvider(providerPageUrl: string, login: string, parleyOrigin: string): Promise<string> {
    let at = await this.follow(providerPageUrl, (u) => new URL(u).origin === parleyOrigin);
    for (const prompt of ["login", "consent"]) {
      if (!at.res) break;
      const html = await at.res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action || !html.includes(`value="${prompt}"`)) continue;
      const body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
      const posted = await this.request(new URL(action.replace(/&amp;/g, "&"), at.url).href, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      at = await this.follow(new URL(posted.headers.get("location")!, at.url).href, (u) => new URL(u).origin === parleyOrigin);
    }
    if (at.res) throw new Error(`the provider did not send us back to Parley: ${at.res.status} ${await at.res.text()}`);
    return at.url;
  }
}
