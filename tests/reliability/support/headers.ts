import type { HttpResponse } from './http';

/** The security headers docs/decisions/0006-csp-nonce.md promises on every response, as problems found. */

export function cspDirectives(value: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function single(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

export function commonHeaderProblems(res: HttpResponse): string[] {
  const problems: string[] = [];
  const expect = (name: string, ok: (v: string) => boolean, want: string) => {
    const v = single(res, name);
    if (v === undefined || !ok(v)) problems.push(`${name}: ${v ?? '(missing)'}, want ${want}`);
  };
  expect('x-content-type-options', (v) => v === 'nosniff', 'nosniff');
  // URLs carry interview ids: no other site may receive them (decision 0006 chose same-origin).
  expect('referrer-policy', (v) => ['no-referrer', 'same-origin'].includes(v), 'no-referrer or same-origin');
  expect('x-frame-options', (v) => v.toUpperCase() === 'DENY', 'DENY');
  expect('cross-origin-opener-policy', (v) => v === 'same-origin', 'same-origin');
  expect(
    'permissions-policy',
    (v) => ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()'].every((p) => v.includes(p)),
    'camera, microphone, geolocation, payment and usb denied',
  );
  if (res.headers['x-powered-by'] !== undefined) problems.push(`x-powered-by: ${single(res, 'x-powered-by')} tells attackers the stack`);
  return problems;
}

/** A page's policy; returns the nonce it allows (or undefined) and the problems found. */
export function pageCspProblems(res: HttpResponse): { nonce?: string; problems: string[] } {
  const value = single(res, 'content-security-policy');
  if (!value) return { problems: ['content-security-policy: (missing)'] };
  const d = cspDirectives(value);
  const problems: string[] = [];
  const exactly = (name: string, want: string) => {
    if (d.get(name)?.join(' ') !== want) problems.push(`${name}: ${d.get(name)?.join(' ') ?? '(missing)'}, want ${want}`);
  };
  exactly('default-src', "'self'");
  exactly('object-src', "'none'");
  exactly('base-uri', "'none'");
  exactly('frame-ancestors', "'none'");
  exactly('form-action', "'self'");
  const script = d.get('script-src') ?? [];
  const nonces = script.filter((s) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(s));
  if (nonces.length !== 1) problems.push(`script-src has ${nonces.length} nonces: ${script.join(' ')}`);
  if (!script.includes("'strict-dynamic'")) problems.push(`script-src lacks 'strict-dynamic': ${script.join(' ')}`);
  for (const [name, sources] of d) {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:']) {
      // Inline style attributes and data: images are allowed on purpose (decision 0006); nothing else may be this open.
      if (name === 'style-src-attr' && bad === "'unsafe-inline'") continue;
      if (name === 'img-src' && bad === 'data:') continue;
      if (sources.includes(bad)) problems.push(`${name} allows ${bad}`);
    }
  }
  const style = d.get('style-src') ?? [];
  const nonce = nonces[0]?.slice("'nonce-".length, -1);
  if (nonce && !style.includes(`'nonce-${nonce}'`)) problems.push(`style-src does not use the page's nonce: ${style.join(' ')}`);
  return { nonce, problems };
}

/** JSON, CSV and static files load nothing. */
export function resourceCspProblems(res: HttpResponse): string[] {
  const value = single(res, 'content-security-policy');
  if (!value) return ['content-security-policy: (missing)'];
  const d = cspDirectives(value);
  const problems: string[] = [];
  if (d.get('default-src')?.join(' ') !== "'none'") problems.push(`default-src: ${d.get('default-src')?.join(' ')}, want 'none'`);
  if (d.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors: ${d.get('frame-ancestors')?.join(' ')}, want 'none'`);
  return problems;
}

/** Script and style elements the page's policy would block: each must carry the response's nonce. */
export function unnoncedElements(html: string, nonce: string | undefined): string[] {
  const bad: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|style)\b[^>]*>/g)) {
    // Data blocks (JSON, JSON-LD) never run, so no policy applies to them.
    const type = /\stype="([^"]*)"/.exec(tag)?.[1];
    if (type && !/javascript|module/i.test(type)) continue;
    const value = /\snonce="([^"]*)"/.exec(tag)?.[1];
    if (value !== nonce) bad.push(tag.slice(0, 120));
  }
  return bad;
}
