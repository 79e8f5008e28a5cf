import { useCallback, useState } from 'react';
import { useLatest } from '../utils/use-latest.js';

/**
 * A value that is controlled when `value` is given (the parent owns it and hears changes through
 * `onChange`) and uncontrolled otherwise (starting at `defaultValue`).
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((value: T) => void) | undefined,
): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const latest = useLatest({ current, controlled, onChange });
  const set = useCallback(
    (next: T) => {
      const { current: previous, controlled: isControlled, onChange: notify } = latest.current;
      if (Object.is(next, previous)) return;
      if (!isControlled) setOwn(next);
      notify?.(next);
    },
    [latest],
  );
  return [current, set];
}
