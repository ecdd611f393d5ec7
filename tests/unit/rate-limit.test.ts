import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rateLimit } from '@/lib/api/rate-limit';

const MINUTE = 60_000;

describe('the per-interview (and per-address) rate limit', () => {
  it('allows the limit within a minute, refuses the next with the seconds left in the window, and allows again after it', () => {
    const key = `interview:${randomUUID()}`;
    const start = Date.UTC(2026, 0, 1, 23, 59, 30);
    for (let i = 0; i < 5; i++) expect(rateLimit(key, start + i * 1000, 5)).toBe(0);
    // 20.5 s into the window: 39.5 s are left, rounded up so a client that waits that long is let in.
    expect(rateLimit(key, start + 20_500, 5)).toBe(40);
    expect(rateLimit(key, start + MINUTE - 1, 5)).toBe(1);
    expect(rateLimit(key, start + MINUTE, 5)).toBe(0);
  });

  it('counts each interview on its own: one busy interview does not slow another', () => {
    const busy = `interview:${randomUUID()}`;
    const quiet = `interview:${randomUUID()}`;
    const now = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 3; i++) rateLimit(busy, now, 3);
    expect(rateLimit(busy, now, 3)).toBeGreaterThan(0);
    expect(rateLimit(quiet, now, 3)).toBe(0);
  });
});
