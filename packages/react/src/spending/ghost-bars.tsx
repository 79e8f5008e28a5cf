import type { CSSProperties, ReactNode } from 'react';

/** Placeholder bars (decorative). */
export function GhostBars(): ReactNode {
  return (
    <span data-slot="skeleton-bars" aria-hidden="true">
      {[48, 72, 36, 90, 60, 80, 42, 66, 54, 30, 76, 58].map((height, i) => (
        <span
          key={i}
          className="purse-Skeleton"
          style={{ '--purse-skeleton-height': `${height}%` } as CSSProperties}
        />
      ))}
    </span>
  );
}
