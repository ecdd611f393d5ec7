import type { Review } from '@/lib/clinician/reviews';
import { verdictName } from '../../_lib/format';
import { Time } from '../time';

export function ReviewList({ reviews }: { reviews: readonly Review[] }) {
  if (reviews.length === 0) return <p className="cp-empty">No one has reviewed this interview yet.</p>;
  return (
    <ol className="cp-reviews">
      {reviews.map((review) => (
        <li key={review.id}>
          <p>
            <strong>{verdictName(review.verdict)}</strong>
            <br />
            <span className="cp-when">
              {review.clinician.name} ({review.clinician.email}), <Time value={review.createdAt} />
            </span>
          </p>
          {review.note ? <p>{review.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
