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
        This deletes your answers, your result and any notes a clinician made about them from Knotwise for good. A
        doctor or nurse will no longer be able to find them with your reference code. Within a few minutes they are
        also cleared out of the files Knotwise keeps its data in. Knotwise keeps only a record that a chat was
        deleted, with nothing from it. Copies a clinician has already downloaded, and backups made by whoever runs
        this service, are outside Knotwise.
      </p>
      <form action={deleteAction}>
        <button type="submit" className="button secondary">
          Yes, delete my answers
        </button>
      </form>
    </details>
  );
}
