/** What the login action hands back to the form when it does not redirect. */
export interface LoginState {
  /** Shown above the form and tied to both fields: the same words whatever was wrong with the credentials. */
  formError?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
}
