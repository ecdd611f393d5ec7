export type AccountField = 'name' | 'email' | 'password' | 'role';

/** What the add-account action hands back to its form. */
export interface AddAccountState {
  fieldErrors?: Partial<Record<AccountField, string[]>>;
  /** Set after a successful add, so the form can confirm it and start empty again. */
  created?: string;
  values?: { name?: string; email?: string; role?: string };
}
