import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CurrentQuestion } from '@/components/chat/CurrentQuestion';
import { Declined } from '@/components/chat/Declined';
import { FocusOnChange } from '@/components/chat/FocusOnChange';
import { OutcomeActions } from '@/components/chat/OutcomeActions';
import { DeleteInterview } from '@/components/chat/DeleteInterview';
import { Progress } from '@/components/chat/Progress';
import { Transcript } from '@/components/chat/Transcript';
import { TurnNotice } from '@/components/chat/TurnNotice';
import { SiteHeader } from '@/components/SiteHeader';
import { StartForm } from '@/components/StartForm';
import { OutcomeCard } from '@/components/outcome/OutcomeCard';
import { emergencyNumber } from '@/lib/chat/emergency';
import { liveExchanges } from '@/lib/chat/exchanges';
import { noticeFor } from '@/lib/chat/notice';
import { currentInterview } from '@/lib/chat/session';
import { slowDownMessage } from '@/lib/chat/slow-down';
import { chatTitle } from '@/lib/chat/title';

export async function generateMetadata(): Promise<Metadata> {
  const current = await currentInterview();
  if (!current.found) return { title: 'Your chat' };
  const notice = await noticeFor(current.turn);
  return { title: chatTitle(current.turn, notice?.kind === 'answer') };
}

/** The chat, rebuilt on the server from the stored interview on every request: reloading resumes it exactly. */
export default async function ChatPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const current = await currentInterview();
  if (!current.found) redirect(current.reason === 'expired' ? '/?expired=1' : '/');
  const { turn, transcript } = current;
  const [notice, number, { wait }] = await Promise.all([noticeFor(turn), emergencyNumber(), searchParams]);
  const exchanges = liveExchanges(transcript);
  const answerNotice = notice?.kind === 'answer' ? notice : undefined;
  const turnMessage = slowDownMessage(wait) ?? (notice?.kind === 'turn' ? notice.message : undefined);

  return (
    <>
      <SiteHeader emergencyNumber={number} />
      <main id="main" className={`page chat chat-${turn.status}`} data-turn={`${turn.status}:${turn.step}`}>
        {turn.status === 'asking' && turn.question ? (
          <>
            <h1 className="chat-title">Your back pain check</h1>
            <Progress step={turn.step} />
            <Transcript exchanges={exchanges} canChange />
            <TurnNotice message={turnMessage} />
            <CurrentQuestion
              question={turn.question}
              step={turn.step}
              error={answerNotice?.message}
              attempted={answerNotice?.attempted}
              noticeId={notice?.id}
            />
            <aside className="chat-restart no-print" aria-label="Start over">
              <p>Want to start over? Your answers so far will not be used.</p>
              <StartForm label="Start again" quiet />
              <DeleteInterview />
            </aside>
          </>
        ) : (
          <>
            <TurnNotice message={turnMessage} />
            {turn.status === 'complete' && turn.outcome ? (
              <>
                <OutcomeCard outcome={turn.outcome} protocolVersion={current.session.protocolVersion} number={number} />
                <p className="reference no-print">
                  Your reference code is <strong className="code">{current.session.code}</strong>. Read it out to a
                  doctor or nurse so they can find your answers.
                </p>
                <OutcomeActions />
              </>
            ) : (
              <Declined number={number} />
            )}
            {exchanges.length > 0 ? (
              <div className="answers-review">
                <h2 id="answers-title">Your answers</h2>
                <p className="hint">Got something wrong? Change an answer and we will ask again from there.</p>
                <Transcript exchanges={exchanges} canChange labelledBy="answers-title" />
              </div>
            ) : null}
          </>
        )}
      </main>
      <FocusOnChange token={`${turn.status}:${turn.step}:${notice?.id ?? ''}`} />
    </>
  );
}
