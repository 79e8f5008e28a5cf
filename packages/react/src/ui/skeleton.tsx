import type { ReactNode } from 'react';

export interface SkeletonProps {
  /** Said to screen readers instead of the shapes ("Loading…"). */
  label: string;
  /** One placeholder shape per part, styled by `data-slot="skeleton-<part>"`. */
  parts: readonly string[];
}

/** Placeholder shapes while content loads; screen readers hear the label only. */
export function Skeleton({ label, parts }: SkeletonProps): ReactNode {
  return (
    <>
      <span className="purse-VisuallyHidden">{label}</span>
      {parts.map((part, index) => (
        <span
          // Parts repeat ("line", "line"): their position is their identity.
          key={`${part}-${String(index)}`}
          className="purse-Skeleton"
          data-slot={`skeleton-${part}`}
          aria-hidden="true"
        />
      ))}
    </>
  );
}
