import { reviseAction } from '@/app/chat/actions';

/** Asks an earlier question again; the server rewinds the interview to it. */
export function ChangeAnswer({ questionId, describedBy }: { questionId: string; describedBy: string }) {
  return (
    <form action={reviseAction} className="change-answer">
      <input type="hidden" name="questionId" value={questionId} />
      <button type="submit" className="link-button" aria-describedby={describedBy}>
        Change this answer
      </button>
    </form>
  );
}
