import { defineProtocol } from '../../define';
import { DISPOSITION_ADVICE, SAFETY_NET } from './advice';
import { PLAN } from './plan';
import { QUESTIONS } from './questions';
import { NO_FLAGS_RULE, RULES, GATE_RULES, STANDARD_GATE_RULE } from './rules';
import { SOURCES } from './sources';

/**
 * Protocol bp-1 (../shared/protocol/PROTOCOL.md), released 2026-11-21. Frozen: interviews stored under bp-1 replay to
 * exactly the outcome they gave (tests/golden/bp-1.json). A fix is a new version, never an edit here.
 */
export const bp1 = defineProtocol({
  id: 'bp-1',
  title: 'Back-pain screening protocol, version 1',
  released: '2026-11-21',
  content: {
    questions: QUESTIONS,
    rules: RULES,
    noFlagsRule: NO_FLAGS_RULE,
    gateRules: GATE_RULES,
    standardGateRule: STANDARD_GATE_RULE,
    advice: DISPOSITION_ADVICE,
    safetyNet: SAFETY_NET,
    plan: PLAN,
    sources: SOURCES,
  },
});
