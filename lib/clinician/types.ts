export const ROLES = ['clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in, enabled clinician account. */
export interface Clinician {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** A clinician acting through one request: the address goes into the audit trail with everything they do. */
export interface Actor extends Clinician {
  address: string;
}

/** The outcome of a lib call a person can get wrong; `code` maps to an API.md error code. */
export type Result<T, C extends string = string> = ({ ok: true } & T) | { ok: false; code: C; message: string };
