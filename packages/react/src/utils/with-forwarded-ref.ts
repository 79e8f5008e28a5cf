import {
  forwardRef,
  type ForwardRefExoticComponent,
  type PropsWithoutRef,
  type ReactNode,
  type Ref,
  type RefAttributes,
} from 'react';

/**
 * Makes a component that reads `props.ref` accept a ref on React 18 too. React 19 passes `ref`
 * as a prop; React 18 only hands it to `forwardRef` components. The render function is called
 * directly (not as an element), so its hooks belong to the forwardRef component.
 */
export function withForwardedRef<E, P extends { ref?: Ref<E> | undefined }>(
  render: (props: P) => ReactNode,
  displayName: string,
): ForwardRefExoticComponent<PropsWithoutRef<Omit<P, 'ref'>> & RefAttributes<E>> {
  const Forwarded = forwardRef<E, Omit<P, 'ref'>>((props, ref) =>
    render({ ...props, ref } as unknown as P),
  );
  Forwarded.displayName = displayName;
  return Forwarded;
}
