import { randomBytes } from 'node:crypto';
import { parseSetCookie, send, type HttpResponse } from './http';

/**
 * A browser without JavaScript: it keeps cookies and submits the pages' forms the way a plain HTML form would. The
 * chat and the portal work without JavaScript (their forms post to Server Actions), so this reaches the same code a
 * real browser does, which is how the tests get the patient's cookie and see what a page shows.
 */

export interface Form {
  html: string;
  /** Hidden inputs (the Server Action id included) and their values. */
  hidden: Map<string, string>;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_:$][\w:.$-]*)="([^"]*)"/g)) attrs.set(m[1]!, decode(m[2]!));
  return attrs;
}

export function formsOf(html: string): Form[] {
  return [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map(([formHtml]) => {
    const hidden = new Map<string, string>();
    for (const [input] of formHtml.matchAll(/<input\b[^>]*>/g)) {
      const a = attributes(input);
      if (a.get('type') === 'hidden' && a.has('name')) hidden.set(a.get('name')!, a.get('value') ?? '');
    }
    return { html: formHtml, hidden };
  });
}

export class NoScriptBrowser {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie line this browser received, for checking their attributes. */
  readonly setCookies: string[] = [];

  /** `headers` go with every request (an X-Forwarded-For, to be a client of its own behind a trusted proxy). */
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  private absorb(res: HttpResponse): HttpResponse {
    for (const line of res.setCookie) {
      this.setCookies.push(line);
      const cookie = parseSetCookie(line);
      const expired = cookie.attributes.get('max-age') === '0' || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return res;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const cookie = this.cookieHeader();
    return this.absorb(
      await send(this.base, { path, headers: { accept: 'text/html', ...this.headers, ...(cookie ? { cookie } : {}), ...headers } }),
    );
  }

  /** Submits `form` (found on the page at `path`) with extra fields, as multipart/form-data like React's forms. */
  async submit(path: string, form: Form, fields: Record<string, string> = {}): Promise<HttpResponse> {
    const boundary = `----knotwise${randomBytes(8).toString('hex')}`;
    const parts = [...form.hidden, ...Object.entries(fields)].map(
      ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    const body = `${parts.join('')}--${boundary}--\r\n`;
    const cookie = this.cookieHeader();
    const origin = new URL(this.base).origin;
    return this.absorb(
      await send(this.base, {
        method: 'POST',
        path,
        headers: {
          ...this.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          accept: 'text/html',
          origin,
          ...(cookie ? { cookie } : {}),
        },
        body,
      }),
    );
  }

  /** Loads `path`, finds the form whose HTML matches, submits it, and follows the redirect back (one hop). */
  async submitOn(path: string, match: RegExp, fields: Record<string, string> = {}): Promise<HttpResponse> {
    const page = await this.get(path);
    const form = formsOf(page.text).find((f) => match.test(f.html));
    if (!form) throw new Error(`No form matching ${match} on ${path} (HTTP ${page.status}).`);
    const res = await this.submit(path, form, fields);
    if (res.status !== 303) throw new Error(`Submitting the form on ${path} gave HTTP ${res.status}, not a redirect: ${res.text.slice(0, 300)}`);
    return this.get(new URL(res.headers.location ?? '/', this.base).pathname);
  }
}
