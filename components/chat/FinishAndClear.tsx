import { finishAction } from '@/app/chat/actions';

/** Ends the chat in this browser, for a shared computer or tablet. Works without JavaScript. */
export function FinishAndClear() {
  return (
    <form action={finishAction} className="finish-form no-print">
      <button type="submit" className="button secondary">
        Finish and clear this device
      </button>
      <p className="hint">
        On a shared computer or tablet, use this when you are done. Note your reference code first: a doctor or nurse
        can still find your answers with it, but this browser will not show them again.
      </p>
    </form>
  );
}
