import type { Metadata } from 'next';
import { listAccounts, type Account } from '@/lib/clinician/accounts';
import { requireAdmin, type Actor } from '@/lib/clinician/auth';
import { MIN_PASSWORD_LENGTH } from '@/lib/clinician/password';
import { SubmitButton } from '../../_components/submit-button';
import { formatDate } from '../../_lib/format';
import { setDisabledAction } from './actions';
import { AddAccountForm } from './add-account-form';

export const metadata: Metadata = { title: 'Accounts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Notices come back from the toggle action as fixed codes; the account is named from the list, not the URL. */
function noticeText(code: string | undefined, account: Account | undefined): { text: string; error: boolean } | undefined {
  switch (code) {
    case 'disabled':
      return account && { text: `${account.email} is disabled. Their sessions have ended and they can no longer sign in.`, error: false };
    case 'enabled':
      return account && { text: `${account.email} is enabled again and can sign in.`, error: false };
    case 'own_account':
      return { text: 'You cannot disable your own account. Ask another administrator.', error: true };
    case 'not_found':
      return { text: 'That account no longer exists.', error: true };
    case 'invalid':
      return { text: 'The request was not understood. Reload the page and try again.', error: true };
    default:
      return undefined;
  }
}

function ToggleButton({ account, me }: { account: Account; me: Actor }) {
  if (account.id === me.id) return <span className="cp-hint">This is you</span>;
  const disabling = !account.disabled;
  return (
    <form action={setDisabledAction}>
      <input type="hidden" name="id" value={account.id} />
      <input type="hidden" name="disabled" value={String(disabling)} />
      <SubmitButton className={disabling ? 'cp-button-danger' : 'cp-button-secondary'} pendingLabel="Saving…">
        {disabling ? 'Disable' : 'Enable'}
        <span className="cp-visually-hidden"> {account.email}</span>
      </SubmitButton>
    </form>
  );
}

function AccountsTable({ accounts, me }: { accounts: readonly Account[]; me: Actor }) {
  return (
    <div className="cp-table-wrap">
      <table>
        <caption>Everyone who can sign in, by email</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Added</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.name}
                <span className="cp-hint">{a.email}</span>
              </th>
              <td>{a.role === 'admin' ? 'Administrator' : 'Clinician'}</td>
              <td>{a.disabled ? <strong>Disabled</strong> : 'Active'}</td>
              <td className="cp-nowrap">{formatDate(a.createdAt)}</td>
              <td>
                <ToggleButton account={a} me={me} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function AccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireAdmin();
  const [accounts, params] = await Promise.all([listAccounts(), searchParams]);
  const notice = noticeText(first(params.notice), accounts.find((a) => a.id === first(params.account)));
  return (
    <>
      <div className="cp-page-head">
        <h1>Accounts</h1>
        <p className="cp-lede">Who can sign in to the portal. Disabling an account ends its sessions at once.</p>
      </div>
      {notice ? (
        <p className={notice.error ? 'cp-alert' : 'cp-notice'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      <section className="cp-panel" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">All accounts</h2>
        <AccountsTable accounts={accounts} me={me} />
      </section>
      <section className="cp-panel cp-narrow" aria-labelledby="add-heading">
        <h2 id="add-heading">Add an account</h2>
        <AddAccountForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>
    </>
  );
}
