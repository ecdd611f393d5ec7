import { startAction } from '@/app/chat/actions';

/** Starts a fresh interview. Used for "Start" on the landing page and "Start again" everywhere else. */
export function StartForm({ label, quiet = false }: { label: string; quiet?: boolean }) {
  return (
    <form action={startAction} className="start-form">
      <button type="submit" className={quiet ? 'button secondary' : 'button primary large'}>
        {label}
      </button>
    </form>
  );
}
