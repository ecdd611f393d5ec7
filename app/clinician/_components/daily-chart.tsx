import type { DayCounts } from '@/lib/clinician/queue';
import { DISPOSITIONS } from '@/lib/protocol/types';
import { dispositionName, formatShortDate } from '../_lib/format';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 20, bottom: 28, left: 32 };

function total(day: DayCounts): number {
  return DISPOSITIONS.reduce((sum, d) => sum + (day.counts[d] ?? 0), 0);
}

/** A readable ceiling for the y axis, so the gridline labels are whole, round numbers. */
function niceMax(max: number): number {
  if (max <= 4) return Math.max(max, 1);
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function summary(days: readonly DayCounts[]): string {
  const sum = days.reduce((s, d) => s + total(d), 0);
  if (sum === 0) return `No finished interviews in the ${days.length} days shown.`;
  const busiest = days.reduce((best, d) => (total(d) > total(best) ? d : best));
  return `${sum} finished interviews over ${days.length} days; the busiest day was ${formatShortDate(busiest.day)} with ${total(busiest)}. The table below has every number.`;
}

function Bars({ days }: { days: readonly DayCounts[] }) {
  const max = niceMax(Math.max(0, ...days.map(total)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(days.length, 1);
  const barW = Math.max(4, Math.min(36, slot * 0.7));
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  // Label every day when they fit, otherwise every few so the dates never overlap; counted back from the newest
  // day, which is the one a clinician looks for.
  const labelEvery = Math.ceil(days.length / 10);
  const labelled = (i: number) => (days.length - 1 - i) % labelEvery === 0;

  return (
    <g>
      <line className="cp-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
      <text x={PAD.left - 6} y={y(0)} textAnchor="end" dominantBaseline="middle">
        0
      </text>
      <text x={PAD.left - 6} y={y(max)} textAnchor="end" dominantBaseline="middle">
        {max}
      </text>
      <line className="cp-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max)} y2={y(max)} strokeDasharray="2 4" />
      {days.map((day, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        let base = 0;
        return (
          <g key={day.day}>
            {DISPOSITIONS.map((d) => {
              const n = day.counts[d] ?? 0;
              if (n === 0) return null;
              const top = y(base + n);
              const height = y(base) - top;
              base += n;
              return <rect key={d} className={`cp-bar-${d}`} x={x} y={top} width={barW} height={height} />;
            })}
            {labelled(i) ? (
              <text x={x + barW / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle">
                {formatShortDate(day.day)}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

function DataTable({ days, caption }: { days: readonly DayCounts[]; caption: string }) {
  return (
    <div className="cp-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {DISPOSITIONS.map((d) => (
              <th key={d} scope="col" className="cp-num">
                {dispositionName(d)}
              </th>
            ))}
            <th scope="col" className="cp-num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{formatShortDate(day.day)}</th>
              {DISPOSITIONS.map((d) => (
                <td key={d} className="cp-num">
                  {day.counts[d] ?? 0}
                </td>
              ))}
              <td className="cp-num">{total(day)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Interviews per day, stacked by disposition: an SVG picture with the same numbers as a table. */
export function DailyChart({ days, title }: { days: readonly DayCounts[]; title: string }) {
  const headingId = 'daily-chart-heading';
  return (
    <section className="cp-panel cp-chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <figure>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary(days)} focusable="false">
          <Bars days={days} />
        </svg>
        <figcaption>
          <ul className="cp-legend" aria-label="Colour key">
            {DISPOSITIONS.map((d) => (
              <li key={d}>
                <span className={`cp-swatch cp-bar-${d}`} aria-hidden="true" />
                {dispositionName(d)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <details>
        <summary>Show the numbers as a table</summary>
        <DataTable days={days} caption={`${title}, by disposition`} />
      </details>
    </section>
  );
}
