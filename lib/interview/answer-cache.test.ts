import { afterEach, describe, expect, it, vi } from 'vitest';
import { forget, recall, remember } from './answer-cache';

const entry = (version: number) => ({ tokenHash: 'h', version, protocolVersion: 'bp-2', answers: [] });

afterEach(() => vi.useRealTimers());

describe('answer cache', () => {
  it('gives back the latest state remembered, until forgotten', () => {
    remember('a', entry(1));
    remember('a', entry(2));
    expect(recall('a')?.version).toBe(2);
    forget('a');
    expect(recall('a')).toBeUndefined();
  });

  it('lets answers go after 30 minutes without a write', () => {
    vi.useFakeTimers();
    remember('b', entry(1));
    vi.advanceTimersByTime(29 * 60_000);
    expect(recall('b')?.version).toBe(1);
    vi.advanceTimersByTime(2 * 60_000);
    expect(recall('b')).toBeUndefined();
  });

  it('holds at most 10,000 interviews, dropping the least recently written', () => {
    for (let i = 0; i < 10_001; i++) remember(`i${i}`, entry(i));
    expect(recall('i0')).toBeUndefined();
    expect(recall('i1')?.version).toBe(1);
    expect(recall('i10000')?.version).toBe(10_000);
  });
});
