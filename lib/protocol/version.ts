/** The protocol these questions, rules and plan limits implement. Stored with every interview. */
export const PROTOCOL_VERSION = 'bp-1';
export type ProtocolVersion = typeof PROTOCOL_VERSION;
