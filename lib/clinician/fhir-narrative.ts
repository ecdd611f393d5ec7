import type { Narrative } from '@medplum/fhirtypes';

/**
 * Generated narratives (DomainResource.text) for the resources Knotwise exports: plain XHTML from the few elements
 * FHIR's narrative rules allow (txt-1), every text escaped, so a reader without FHIR tooling sees what the data says.
 */

type Tag = 'p' | 'b' | 'ul' | 'li' | 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td';
export type Node = string | { tag: Tag; children: Node[] };

export const h = (tag: Tag, ...children: Node[]): Node => ({ tag, children });

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function render(node: Node): string {
  if (typeof node === 'string') return escapeXml(node);
  return `<${node.tag}>${node.children.map(render).join('')}</${node.tag}>`;
}

/** A table with a header row; each row one cell per header. */
export function table(headers: readonly string[], rows: readonly (readonly Node[])[]): Node {
  return h(
    'table',
    h('thead', h('tr', ...headers.map((x) => h('th', x)))),
    h('tbody', ...rows.map((row) => h('tr', ...row.map((cell) => h('td', cell))))),
  );
}

export function narrative(...children: Node[]): Narrative {
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${children.map(render).join('')}</div>` };
}
