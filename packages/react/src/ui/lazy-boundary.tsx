import { Component, type ReactNode } from 'react';

export interface LazyBoundaryProps {
  /** Shown instead of `children` once they failed to render (a code download that failed). */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Keeps a part whose code is downloaded on demand (`React.lazy`) from taking the page down when
 * that download fails: the part is replaced by `fallback`.
 */
export class LazyBoundary extends Component<LazyBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
