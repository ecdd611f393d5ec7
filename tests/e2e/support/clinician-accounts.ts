/**
 * The accounts tests/e2e/support/clinician-seed.ts creates with `npm run clinician:add` before the e2e server starts.
 * Test-only passwords for a database that exists for one run.
 */
export const SEEDED_CLINICIAN = {
  email: 'casey.clinician@knotwise.test',
  name: 'Casey Clinician',
  password: 'e2e clinician passphrase 1',
  admin: false,
} as const;

export const SEEDED_ADMIN = {
  email: 'ada.admin@knotwise.test',
  name: 'Ada Admin',
  password: 'e2e administrator passphrase 2',
  admin: true,
} as const;

export const SEEDED_ACCOUNTS = [SEEDED_CLINICIAN, SEEDED_ADMIN] as const;
