/** Where the portal's export and print links point: the versioned clinician API (app/api/v1/clinician). */
export const interviewLinks = (id: string) => ({
  page: `/clinician/interviews/${id}`,
  print: `/clinician/interviews/${id}/print`,
  json: `/api/v1/clinician/interviews/${id}/export.json`,
  fhir: `/api/v1/clinician/interviews/${id}/fhir`,
});

/** The whole filtered queue (every page) as CSV; the query string is the queue's own filters. */
export const queueCsvLink = (query: string) => `/api/v1/clinician/export.csv${query ? `?${query}` : ''}`;
