/** About how many questions a typical interview asks (PROTOCOL.md section 2: 15 to 20, depending on the answers). */
export const EXPECTED_QUESTIONS = 18;

export function progressLabel(step: number): string {
  const n = step + 1;
  return n <= EXPECTED_QUESTIONS ? `Question ${n} of about ${EXPECTED_QUESTIONS}` : `Question ${n}: nearly done`;
}
