/** Why the patient is looking at a different question than the one they answered (another tab, a double click). */
export function TurnNotice({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="turn-notice" role="status">
      <p>{message}</p>
    </div>
  );
}
