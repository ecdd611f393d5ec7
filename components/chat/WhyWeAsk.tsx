export function WhyWeAsk({ help }: { help?: string }) {
  if (!help) return null;
  return (
    <details className="why">
      <summary>Why we ask</summary>
      <p>{help}</p>
    </details>
  );
}
