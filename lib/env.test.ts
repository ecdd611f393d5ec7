import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('PROTOCOL_VERSION', () => {
  it('defaults to the newest version this build supports', () => {
    expect(parseEnv({}).PROTOCOL_VERSION).toBe('bp-2');
  });

  it('pins an older supported version', () => {
    expect(parseEnv({ PROTOCOL_VERSION: 'bp-1' }).PROTOCOL_VERSION).toBe('bp-1');
  });

  it('stops the start with a message naming the supported versions', () => {
    expect(() => parseEnv({ PROTOCOL_VERSION: 'bp-3' })).toThrow(/cannot start[\s\S]*PROTOCOL_VERSION must be a protocol version this build supports: bp-1, bp-2/);
  });
});
