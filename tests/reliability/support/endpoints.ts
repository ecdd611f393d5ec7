import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './server';

/** Every route of the v1 API. A test compares this list with the route files, so a new endpoint cannot go untested. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  /** With `{id}` where the route has a dynamic segment. */
  path: string;
  audience: 'public' | 'patient' | 'clinician';
  idKind?: 'interview' | 'account';
  admin?: boolean;
  /** Query parameters the handler reads. */
  query?: readonly string[];
  /** What a JSON body for it looks like, for near-valid fuzz bodies. */
  body?: 'create' | 'answer' | 'revision' | 'login' | 'review' | 'account';
}

const QUEUE = ['disposition', 'reviewed', 'from', 'to', 'rule', 'q', 'limit', 'cursor'] as const;

export const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/api/v1/health', audience: 'public' },
  { method: 'POST', path: '/api/v1/sessions', audience: 'patient', body: 'create' },
  { method: 'GET', path: '/api/v1/sessions/{id}', audience: 'patient', idKind: 'interview' },
  { method: 'DELETE', path: '/api/v1/sessions/{id}', audience: 'patient', idKind: 'interview' },
  { method: 'POST', path: '/api/v1/sessions/{id}/answers', audience: 'patient', idKind: 'interview', body: 'answer' },
  { method: 'POST', path: '/api/v1/sessions/{id}/revisions', audience: 'patient', idKind: 'interview', body: 'revision' },
  { method: 'POST', path: '/api/v1/clinician/login', audience: 'public', body: 'login' },
  { method: 'POST', path: '/api/v1/clinician/logout', audience: 'clinician' },
  { method: 'GET', path: '/api/v1/clinician/interviews', audience: 'clinician', query: QUEUE },
  { method: 'GET', path: '/api/v1/clinician/interviews/{id}', audience: 'clinician', idKind: 'interview' },
  { method: 'GET', path: '/api/v1/clinician/interviews/{id}/export.json', audience: 'clinician', idKind: 'interview' },
  { method: 'GET', path: '/api/v1/clinician/interviews/{id}/fhir', audience: 'clinician', idKind: 'interview' },
  { method: 'POST', path: '/api/v1/clinician/interviews/{id}/reviews', audience: 'clinician', idKind: 'interview', body: 'review' },
  { method: 'GET', path: '/api/v1/clinician/export.csv', audience: 'clinician', query: QUEUE },
  { method: 'GET', path: '/api/v1/clinician/report', audience: 'clinician', query: ['from', 'to'] },
  { method: 'GET', path: '/api/v1/clinician/questionnaire', audience: 'clinician' },
  { method: 'GET', path: '/api/v1/clinician/audit', audience: 'clinician', admin: true, query: ['action', 'actor', 'target', 'from', 'to', 'limit', 'cursor'] },
  { method: 'GET', path: '/api/v1/clinician/accounts', audience: 'clinician', admin: true },
  { method: 'POST', path: '/api/v1/clinician/accounts', audience: 'clinician', admin: true, body: 'account' },
  { method: 'POST', path: '/api/v1/clinician/accounts/{id}/disable', audience: 'clinician', admin: true, idKind: 'account' },
  { method: 'POST', path: '/api/v1/clinician/accounts/{id}/enable', audience: 'clinician', admin: true, idKind: 'account' },
];

const METHOD_EXPORT = /export\s+(?:async\s+)?function\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b|export\s+const\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

/** `METHOD /path` for every handler exported by a route file under app/api/v1, dynamic segments as `{id}`. */
export function routeHandlers(): string[] {
  const root = path.join(REPO, 'app', 'api', 'v1');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const route = `/api/v1/${path.relative(root, dir).split(path.sep).join('/')}`.replace(/\/$/, '').replace(/\[[^\]]+\]/g, '{id}');
        for (const m of readFileSync(full, 'utf8').matchAll(METHOD_EXPORT)) found.push(`${m[1] ?? m[2]} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

export const fill = (template: string, id: string) => template.replace('{id}', id);
