import { EXPECTED_QUESTIONS, progressLabel } from '@/lib/chat/progress';

export function Progress({ step }: { step: number }) {
  return (
    <div className="progress">
      <p id="progress-label" className="progress-label">
        {progressLabel(step)}
      </p>
      <progress aria-labelledby="progress-label" value={Math.min(step, EXPECTED_QUESTIONS)} max={EXPECTED_QUESTIONS} />
    </div>
  );
}
