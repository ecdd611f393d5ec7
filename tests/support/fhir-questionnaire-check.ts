/**
 * A QuestionnaireResponse checked against its Questionnaire, the way a form engine or a strict validator reads them
 * (R4 questionnaire.html and questionnaireresponse.html; SDC for enableWhenExpression). Medplum's validateResource
 * checks each resource on its own; this checks that the two agree.
 *
 * enableWhenExpression is evaluated with two FHIRPath engines: fhirpath.js (the engine of the LHC and CSIRO SDC form
 * renderers) and Medplum's. They must agree, so an expression that only one dialect reads fails here.
 */
import { evalFhirPath, LRUCache, toTypedValue, type FhirPathAtom } from '@medplum/core';
import type { Coding, Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '@medplum/fhirtypes';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';

export const ENABLE_WHEN_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression';
const OPTION_EXCLUSIVE = 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive';

const compiled = new Map<string, (resource: unknown, env: Record<string, unknown>) => unknown[]>();
function viaFhirpathJs(expression: string, response: QuestionnaireResponse): unknown[] {
  if (!compiled.has(expression)) compiled.set(expression, fhirpath.compile(expression, r4) as never);
  return compiled.get(expression)!(response, { resource: response });
}

const medplumCache = new LRUCache<FhirPathAtom>(1000);

function evaluateExpression(item: QuestionnaireItem, expression: string, response: QuestionnaireResponse): boolean {
  const a = viaFhirpathJs(expression, response);
  const b = evalFhirPath(expression, response, { '%resource': toTypedValue(response) }, medplumCache);
  if (a.length !== 1 || typeof a[0] !== 'boolean') throw new Error(`${item.linkId}: fhirpath.js gave ${JSON.stringify(a)}, not one boolean`);
  if (b.length !== 1 || b[0] !== a[0]) throw new Error(`${item.linkId}: Medplum gave ${JSON.stringify(b)}, fhirpath.js ${JSON.stringify(a)}`);
  return a[0];
}

const sameCoding = (x: Coding | undefined, y: Coding | undefined) => !!x && !!y && x.system === y.system && x.code === y.code;

/** Whether the item is enabled for this response: its enableWhen (R4) or its enableWhenExpression (SDC), or always. */
export function isEnabled(item: QuestionnaireItem, response: QuestionnaireResponse): boolean {
  const expression = item.extension?.find((e) => e.url === ENABLE_WHEN_EXPRESSION)?.valueExpression?.expression;
  if (expression !== undefined) {
    if (item.enableWhen) throw new Error(`${item.linkId}: SDC allows enableWhenExpression only on an item without enableWhen`);
    return evaluateExpression(item, expression, response);
  }
  if (!item.enableWhen) return true;
  const results = item.enableWhen.map((w) => {
    const answers = response.item?.find((i) => i.linkId === w.question)?.answer ?? [];
    if (w.operator === 'exists') return (answers.length > 0) === w.answerBoolean;
    // R4: with several answers, the condition holds when any answer meets it.
    return answers.some((a) => {
      if (w.answerCoding) {
        if (w.operator !== '=' && w.operator !== '!=') throw new Error(`${item.linkId}: ${w.operator} on a coding`);
        return sameCoding(a.valueCoding, w.answerCoding) === (w.operator === '=');
      }
      if (w.answerInteger === undefined || a.valueInteger === undefined) throw new Error(`${item.linkId}: this checker reads codings and integers`);
      const [v, x] = [a.valueInteger, w.answerInteger];
      const holds: Record<string, boolean> = { '=': v === x, '!=': v !== x, '>': v > x, '<': v < x, '>=': v >= x, '<=': v <= x };
      return holds[w.operator]!;
    });
  });
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** Every way the response disagrees with its Questionnaire; empty when it conforms. */
export function responseProblems(questionnaire: Questionnaire, response: QuestionnaireResponse): string[] {
  const problems: string[] = [];
  const items = questionnaire.item ?? [];
  if (response.questionnaire !== `${questionnaire.url}|${questionnaire.version}`) problems.push(`questionnaire is ${response.questionnaire}`);
  let last = -1;
  for (const answered of response.item ?? []) {
    const index = items.findIndex((i) => i.linkId === answered.linkId);
    const item = items[index];
    if (!item) {
      problems.push(`${answered.linkId}: no such item`);
      continue;
    }
    if (index <= last) problems.push(`${answered.linkId}: out of the Questionnaire's order`);
    last = index;
    if (!isEnabled(item, response)) problems.push(`${item.linkId}: present although not enabled`);
    const answers = answered.answer ?? [];
    if (answers.length === 0) problems.push(`${item.linkId}: an item without an answer`);
    if (!item.repeats && answers.length > 1) problems.push(`${item.linkId}: ${answers.length} answers to a question that does not repeat`);
    for (const a of answers) {
      if (item.type === 'integer') {
        const min = item.extension?.find((e) => e.url.endsWith('/minValue'))?.valueInteger;
        const max = item.extension?.find((e) => e.url.endsWith('/maxValue'))?.valueInteger;
        if (!Number.isInteger(a.valueInteger)) problems.push(`${item.linkId}: not an integer`);
        else if ((min !== undefined && a.valueInteger! < min) || (max !== undefined && a.valueInteger! > max)) problems.push(`${item.linkId}: out of range`);
      } else if (!item.answerOption?.some((o) => sameCoding(o.valueCoding, a.valueCoding))) {
        problems.push(`${item.linkId}: ${a.valueCoding?.code} is not one of its answer options`);
      }
    }
    const exclusive = answers.some((a) =>
      item.answerOption?.some((o) => sameCoding(o.valueCoding, a.valueCoding) && o.extension?.some((e) => e.url === OPTION_EXCLUSIVE && e.valueBoolean)),
    );
    if (exclusive && answers.length > 1) problems.push(`${item.linkId}: an exclusive option with other answers`);
  }
  if (response.status === 'completed' || response.status === 'amended') {
    for (const item of items) {
      const present = response.item?.some((i) => i.linkId === item.linkId);
      if (item.required && !present && isEnabled(item, response)) problems.push(`${item.linkId}: required, enabled and not answered`);
    }
  }
  return problems;
}

/** The linkIds of the items enabled for this response, in the Questionnaire's order. */
export function enabledLinkIds(questionnaire: Questionnaire, response: QuestionnaireResponse): string[] {
  return (questionnaire.item ?? []).filter((i) => isEnabled(i, response)).map((i) => i.linkId);
}
