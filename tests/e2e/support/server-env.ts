/** The emergency number the e2e server runs with. Not the default (911), so a hard-coded number fails the tests. */
export const E2E_EMERGENCY_NUMBER = '000';
