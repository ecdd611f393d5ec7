/**
 * An error answer in either of the forms the API uses: API.md's `{"error": {"code", "message"}}`, or, from a FHIR
 * endpoint, an OperationOutcome whose one issue carries the same message as its details text and the same code as its
 * details coding. Undefined when the body is neither.
 */
export function apiErrorOf(body: unknown): { code?: unknown; message?: unknown } | undefined {
  const b = body as
    | { error?: { code?: unknown; message?: unknown }; resourceType?: unknown; issue?: { details?: { text?: unknown; coding?: { code?: unknown }[] } }[] }
    | undefined;
  if (b?.resourceType === 'OperationOutcome') {
    const details = b.issue?.[0]?.details;
    return { code: details?.coding?.[0]?.code, message: details?.text };
  }
  return b?.error;
}

/** The content types an error answer may have: JSON, or FHIR's JSON for an OperationOutcome. */
export const isJsonContentType = (type: unknown) => /^application\/(fhir\+)?json\b/.test(String(type));
