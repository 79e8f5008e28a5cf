/**
 * The one door to `<TopUp>`'s form (`top-up-form.tsx`), reached only by a dynamic `import()` so
 * an app's first load holds the card without it; and the boundary that catches a failed
 * download of it: the error notice, with a Retry that downloads it again.
 */
import {
  Component,
  lazy,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { lazyModule } from '../utils/lazy-module.js';
// A type only (erased): the module itself is reached by `import()` alone.
import type { TopUpFormProps } from './top-up-form.js';

interface TopUpFormModule {
  default: ComponentType<TopUpFormProps>;
}

const form = /* @__PURE__ */ lazyModule<TopUpFormModule>(() => import('./top-up-form.js'));

/** Starts (once) downloading the form; a failed download is asked for again next time. */
export function loadTopUpForm(): Promise<TopUpFormModule> {
  return form.load();
}

let view: LazyExoticComponent<ComponentType<TopUpFormProps>> | null = null;

/**
 * The lazy form, the same one for every render: once downloaded it shows at once (no skeleton
 * flash, and focus can move into it when the person comes back from the review).
 */
export function lazyTopUpForm(): LazyExoticComponent<ComponentType<TopUpFormProps>> {
  view ??= lazy(loadTopUpForm);
  return view;
}

/** React.lazy keeps a failed load for good: after one, the next render makes a fresh lazy form. */
function forgetFailedForm(): void {
  view = null;
}

interface BoundaryProps {
  common: CommonMessages;
  /** Called from Retry: re-render the parent, so it draws `lazyTopUpForm()` afresh. */
  onRetry: () => void;
  children: ReactNode;
}

/** A failed download of the form shows as a network error with a way on, not a broken page. */
export class TopUpFormBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    const { common } = this.props;
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorNotice
        title={common.errorTitle}
        message={common.networkError}
        retryLabel={common.retry}
        onRetry={() => {
          forgetFailedForm();
          this.setState({ failed: false });
          this.props.onRetry();
        }}
      />
    );
  }
}
