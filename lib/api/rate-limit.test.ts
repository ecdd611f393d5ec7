import { describe, expect, it } from 'vitest';
import { MAX_TRACKED, rateLimit, trackedClients } from './rate-limit';

describe('the rate limiter', () => {
  it('keeps a bounded number of clients in memory, however many a burst brings', () => {
    const now = 1_000_000;
    for (let i = 0; i < MAX_TRACKED + 5_000; i++) rateLimit(`interview:client-${i}`, now + i % 1000, 10);
    expect(trackedClients()).toBeLessThanOrEqual(MAX_TRACKED);
    // The newest clients are still counted: one over its limit is still refused.
    const last = `interview:client-${MAX_TRACKED + 4_999}`;
    for (let i = 0; i < 9; i++) rateLimit(last, now + 1000, 10);
    expect(rateLimit(last, now + 1000, 10)).toBeGreaterThan(0);
  });

  it('starts a fresh minute for a client whose window has passed', () => {
    const now = 5_000_000;
    expect(rateLimit('create:fresh', now, 1)).toBe(0);
    expect(rateLimit('create:fresh', now + 1, 1)).toBe(60);
    expect(rateLimit('create:fresh', now + 60_000, 1)).toBe(0);
  });
});
