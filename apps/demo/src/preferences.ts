import { useCallback, useState } from 'react';
import type { DemoLocale } from './messages.js';

/** A preference kept in localStorage, so the presenter's choice survives reloads. */
export function usePreference<T extends string>(
  key: string,
  allowed: readonly T[],
  fallback: T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = window.localStorage.getItem(key);
    return (allowed as readonly string[]).includes(stored ?? '') ? (stored as T) : fallback;
  });
  const update = useCallback(
    (next: T) => {
      window.localStorage.setItem(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, update];
}

export const LOCALES: readonly DemoLocale[] = ['en', 'de', 'fr'];
export const THEMES = ['light', 'dark'] as const;
