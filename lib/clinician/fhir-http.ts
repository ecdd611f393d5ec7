import 'server-only';
import type { OperationOutcome, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { NextResponse } from 'next/server';
import { otherMethods } from '../api/methods';
import { env } from '../env';
import { h, narrative } from './fhir-narrative';

export const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0';

/** FHIR's issue type for each HTTP status the API answers with (R4 IssueType value set). */
const ISSUE_TYPE: Record<number, OperationOutcomeIssue['code']> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  409: 'conflict',
  413: 'too-long',
  415: 'not-supported',
  429: 'throttled',
};

export function fhirJson(resource: Resource, status = 200, extraHeaders?: Headers): Response {
  const headers = new Headers(extraHeaders);
  headers.set('Content-Type', FHIR_JSON);
  headers.set('Cache-Control', 'no-store');
  return NextResponse.json(resource, { status, headers });
}

/**
 * An API error (API.md's `{"error": {"code", "message"}}`) as the OperationOutcome FHIR clients expect: the message as
 * the issue's details text, the API's code as a coding beside it, the same status and headers (Allow, Retry-After).
 */
export async function asOperationOutcome(response: Response): Promise<Response> {
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  const code = body?.error?.code ?? 'error';
  const message = body?.error?.message ?? 'The request failed.';
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    text: narrative(h('p', message)),
    issue: [
      {
        severity: 'error',
        code: ISSUE_TYPE[response.status] ?? (response.status >= 500 ? 'exception' : 'processing'),
        details: { coding: [{ system: `${env().FHIR_BASE_URL}/CodeSystem/api-error`, code }], text: message },
      },
    ],
  };
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-type');
  return fhirJson(outcome, response.status, headers);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** A FHIR endpoint's GET: every error it answers is an OperationOutcome. */
export function fhirGet<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const response = await handler(request, context);
    return response.ok ? response : asOperationOutcome(response);
  };
}

/** otherMethods('GET') for a FHIR endpoint: the 405 as an OperationOutcome. */
export function fhirOtherMethods() {
  const refusals = otherMethods('GET');
  const wrap = (refuse: () => Response) => () => asOperationOutcome(refuse());
  return { POST: wrap(refusals.POST), PUT: wrap(refusals.PUT), PATCH: wrap(refusals.PATCH), DELETE: wrap(refusals.DELETE) };
}
