import 'server-only';
import { apiError } from './respond';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

type Handler = () => Response;

/**
 * Handlers for the methods a route does not support. Next's own answer to them is an empty 405 with no Allow header,
 * which tells a client neither what went wrong nor what to do; API.md promises a JSON error for every refusal.
 * Spread over a route's exports: `export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST')`.
 */
export function otherMethods<const Allowed extends readonly Method[]>(
  ...allowed: Allowed
): Record<Exclude<Method, Allowed[number]>, Handler> {
  // Next answers HEAD for a GET route and OPTIONS for every route by itself.
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse: Handler = () => {
    const response = apiError(405, 'method_not_allowed', `This address accepts ${allowed.join(' and ')} only.`);
    response.headers.set('Allow', allow);
    return response;
  };
  return Object.fromEntries(METHODS.filter((m) => !allowed.includes(m)).map((m) => [m, refuse])) as Record<
    Exclude<Method, Allowed[number]>,
    Handler
  >;
}

/** Every method of a path that names no endpoint: a JSON 404 rather than Next's HTML page. */
export function notFoundMethods(): Record<Method, Handler> {
  const refuse: Handler = () =>
    apiError(404, 'not_found', 'There is no API endpoint at this address. The endpoints are listed in docs/api.md.');
  return Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<Method, Handler>;
}
