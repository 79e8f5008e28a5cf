/** A card's heading level: one below the heading of the section it sits in. */
export type HeadingLevel = 2 | 3 | 4;

/** The element for `level` (2 when not given: a card directly under the page's `<h1>`). */
export function headingTag(level: HeadingLevel = 2): 'h2' | 'h3' | 'h4' {
  return `h${String(level)}` as 'h2' | 'h3' | 'h4';
}
