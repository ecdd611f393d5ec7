import { createHash } from 'node:crypto';

/**
 * What a golden file keeps of one played interview: the readable essentials (so a diff says what moved) and a hash
 * of the whole result, every word of the outcome and plan included (so nothing can move unseen).
 */
export interface GoldenResult {
  asked?: string[];
  status?: string;
  error?: string;
  disposition?: string;
  gate?: string;
  rules?: string[];
  gateRules?: string[];
  plan?: { steps: string[]; sessionMinutes: number; toolNote: boolean };
  sha256: string;
}

/** JSON with sorted keys: the same value gives the same text whatever order its keys were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

interface PlayedLike {
  asked?: string[];
  status?: string;
  error?: string;
  outcome?: {
    disposition: string;
    gate: string;
    rules: string[];
    gateRules: string[];
    plan?: {
      sessionMinutes: number;
      toolNote?: string;
      steps: { area: string; tool: string; position: string; holdSeconds: number; rounds: number; pressure: number; muscle: string }[];
    };
  };
}

export function goldenOf(result: PlayedLike): GoldenResult {
  const o = result.outcome;
  return {
    ...(result.asked ? { asked: result.asked } : {}),
    ...(result.status ? { status: result.status } : {}),
    ...(result.error ? { error: result.error } : {}),
    ...(o
      ? {
          disposition: o.disposition,
          gate: o.gate,
          rules: o.rules,
          gateRules: o.gateRules,
          ...(o.plan
            ? {
                plan: {
                  steps: o.plan.steps.map(
                    (s) => `${s.area} ${s.muscle.split(' ')[0]} ${s.tool} ${s.position} ${s.holdSeconds}s x${s.rounds} p${s.pressure}`,
                  ),
                  sessionMinutes: o.plan.sessionMinutes,
                  toolNote: o.plan.toolNote !== undefined,
                },
              }
            : {}),
        }
      : {}),
    sha256: createHash('sha256').update(canonical(result)).digest('hex'),
  };
}
