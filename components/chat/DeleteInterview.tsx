import { deleteAction } from '@/app/chat/actions';

/**
 * Lets a patient delete their answers. The confirm button sits inside a disclosure, so one stray click cannot
 * delete anything, and it still works without JavaScript.
 */
export function DeleteInterview() {
  return (
    <details className="delete-interview no-print">
      <summary>Delete my answers</summary>
      <p>
        This deletes your answers and your result from Knotwise for good. A doctor or nurse will no longer be able to
        find them with your reference code.
      </p>
      <form action={deleteAction}>
        <button type="submit" className="button secondary">
          Yes, delete my answers
        </button>
      </form>
    </details>
  );
}
