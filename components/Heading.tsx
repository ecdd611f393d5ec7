import type { ReactNode } from 'react';

export type HeadingLevel = 1 | 2 | 3 | 4;

/** A heading whose level follows where it is used: the outcome is the page's h1 in the chat, an h2 in the summary. */
export function Heading({
  level,
  children,
  ...rest
}: { level: HeadingLevel; children: ReactNode; id?: string; className?: string; tabIndex?: number } & {
  'data-focus-target'?: boolean;
}) {
  const Tag = `h${level}` as const;
  return <Tag {...rest}>{children}</Tag>;
}

export function nextLevel(level: HeadingLevel): HeadingLevel {
  return Math.min(level + 1, 4) as HeadingLevel;
}
