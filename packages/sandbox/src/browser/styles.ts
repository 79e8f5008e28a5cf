/**
 * The modal's stylesheet, injected once per document. Every class is prefixed `purse-sbx-` and
 * every rule is scoped under `.purse-sbx-root`, so the host app's styles are left alone. Colours
 * meet WCAG AA (4.5:1 for text, 3:1 for borders and focus rings that carry meaning).
 */

export const STYLE_ELEMENT_ID = 'purse-sandbox-stripe-styles';

const CSS = `
.purse-sbx-root {
  --purse-sbx-ink: #1a1f36;
  --purse-sbx-muted: #4f5b6d;
  --purse-sbx-line: #d5dbe3;
  --purse-sbx-line-strong: #8792a2;
  --purse-sbx-surface: #ffffff;
  --purse-sbx-subtle: #f6f8fa;
  --purse-sbx-accent: #4f46e5;
  --purse-sbx-accent-hover: #4338ca;
  --purse-sbx-accent-soft: #eef0ff;
  --purse-sbx-danger: #b42318;
  --purse-sbx-danger-soft: #fef3f2;
  --purse-sbx-success: #067647;
  --purse-sbx-success-soft: #ecfdf3;
  --purse-sbx-warn-ink: #7a3e00;
  --purse-sbx-warn-soft: #fff4e0;
  --purse-sbx-warn-line: #e8a33d;
  position: fixed;
  inset: 0;
  z-index: 2147483000;
  display: flex;
  align-items: center;
  justify-content: center;
  padding: 16px;
  overflow-y: auto;
  overscroll-behavior: contain;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 14px;
  line-height: 1.45;
  color: var(--purse-sbx-ink);
  text-align: left;
  -webkit-font-smoothing: antialiased;
}
.purse-sbx-root *,
.purse-sbx-root *::before,
.purse-sbx-root *::after {
  box-sizing: border-box;
}
.purse-sbx-backdrop {
  position: fixed;
  inset: 0;
  background: rgba(10, 17, 40, 0.6);
  backdrop-filter: blur(3px);
  animation: purse-sbx-fade 160ms ease-out;
}
.purse-sbx-dialog {
  position: relative;
  display: flex;
  flex-direction: column;
  width: min(440px, 100%);
  max-height: min(680px, calc(100vh - 32px));
  background: var(--purse-sbx-surface);
  border-radius: 12px;
  box-shadow: 0 24px 64px rgba(10, 17, 40, 0.3), 0 2px 8px rgba(10, 17, 40, 0.12);
  overflow: hidden;
  animation: purse-sbx-rise 220ms cubic-bezier(0.2, 0.8, 0.2, 1);
}
.purse-sbx-header {
  display: flex;
  align-items: center;
  gap: 10px;
  padding: 14px 12px 14px 20px;
  border-bottom: 1px solid var(--purse-sbx-line);
}
.purse-sbx-title {
  order: 1;
  flex: 1;
  margin: 0;
  font-size: 15px;
  font-weight: 600;
  letter-spacing: -0.005em;
}
.purse-sbx-badge {
  order: 2;
  flex: none;
  padding: 2px 8px;
  font-size: 11px;
  font-weight: 700;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--purse-sbx-warn-ink);
  background: var(--purse-sbx-warn-soft);
  border: 1px solid var(--purse-sbx-warn-line);
  border-radius: 999px;
}
.purse-sbx-close {
  order: 3;
  flex: none;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 32px;
  height: 32px;
  padding: 0;
  color: var(--purse-sbx-muted);
  background: transparent;
  border: 0;
  border-radius: 8px;
  cursor: pointer;
  transition: background-color 120ms ease, color 120ms ease;
}
.purse-sbx-close:hover:not([aria-disabled='true']) {
  color: var(--purse-sbx-ink);
  background: var(--purse-sbx-subtle);
}
.purse-sbx-body {
  display: flex;
  flex-direction: column;
  gap: 14px;
  padding: 20px;
  overflow-y: auto;
}
.purse-sbx-content {
  display: flex;
  flex-direction: column;
  gap: 14px;
}
.purse-sbx-step {
  margin: 0;
  font-size: 12px;
  font-weight: 600;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--purse-sbx-muted);
}
.purse-sbx-heading {
  margin: 0;
  font-size: 19px;
  font-weight: 650;
  line-height: 1.3;
  letter-spacing: -0.01em;
}
/* Headings take focus only so each step is announced; they are not controls. */
.purse-sbx-root .purse-sbx-heading:focus,
.purse-sbx-root .purse-sbx-heading:focus-visible {
  outline: none;
}
.purse-sbx-lede {
  margin: -6px 0 0;
  color: var(--purse-sbx-muted);
}
.purse-sbx-list {
  display: flex;
  flex-direction: column;
  gap: 8px;
  margin: 0;
  padding: 0;
  list-style: none;
}
.purse-sbx-bank {
  display: flex;
  align-items: center;
  gap: 12px;
  width: 100%;
  padding: 12px 14px;
  font: inherit;
  color: inherit;
  text-align: left;
  background: var(--purse-sbx-surface);
  border: 1px solid var(--purse-sbx-line);
  border-radius: 10px;
  cursor: pointer;
  transition: border-color 120ms ease, background-color 120ms ease, box-shadow 120ms ease;
}
.purse-sbx-bank:hover {
  background: var(--purse-sbx-accent-soft);
  border-color: var(--purse-sbx-accent);
}
.purse-sbx-logo {
  flex: none;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 36px;
  height: 36px;
  font-weight: 700;
  color: #ffffff;
  background: var(--purse-sbx-accent);
  border-radius: 9px;
}
.purse-sbx-bank-text,
.purse-sbx-account-text {
  display: flex;
  flex: 1;
  flex-direction: column;
  gap: 2px;
  min-width: 0;
}
.purse-sbx-name {
  font-weight: 600;
}
.purse-sbx-note,
.purse-sbx-meta {
  font-size: 13px;
  color: var(--purse-sbx-muted);
}
.purse-sbx-chevron {
  flex: none;
  color: var(--purse-sbx-muted);
}
.purse-sbx-fieldset {
  margin: 0;
  padding: 0;
  border: 0;
  min-width: 0;
}
.purse-sbx-legend {
  margin: 0 0 8px;
  padding: 0;
  font-weight: 600;
}
.purse-sbx-account {
  display: flex;
  align-items: flex-start;
  gap: 12px;
  padding: 12px 14px;
  background: var(--purse-sbx-surface);
  border: 1px solid var(--purse-sbx-line);
  border-radius: 10px;
  cursor: pointer;
  transition: border-color 120ms ease, background-color 120ms ease;
}
.purse-sbx-account:hover {
  border-color: var(--purse-sbx-line-strong);
}
.purse-sbx-account.purse-sbx-checked {
  background: var(--purse-sbx-accent-soft);
  border-color: var(--purse-sbx-accent);
}
.purse-sbx-account.purse-sbx-unavailable {
  background: var(--purse-sbx-subtle);
  cursor: not-allowed;
}
.purse-sbx-account.purse-sbx-unavailable .purse-sbx-name {
  color: var(--purse-sbx-muted);
}
.purse-sbx-checkbox {
  flex: none;
  width: 18px;
  height: 18px;
  margin: 2px 0 0;
  accent-color: var(--purse-sbx-accent);
  cursor: inherit;
}
.purse-sbx-reason {
  display: inline-flex;
  align-self: flex-start;
  margin-top: 4px;
  padding: 1px 8px;
  font-size: 12px;
  font-weight: 600;
  color: var(--purse-sbx-warn-ink);
  background: var(--purse-sbx-warn-soft);
  border-radius: 999px;
}
.purse-sbx-summary {
  margin: 0;
  padding: 10px 12px;
  color: var(--purse-sbx-muted);
  background: var(--purse-sbx-subtle);
  border-radius: 8px;
}
.purse-sbx-permission {
  display: flex;
  align-items: center;
  gap: 10px;
}
.purse-sbx-tick {
  flex: none;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 22px;
  height: 22px;
  color: var(--purse-sbx-accent);
  background: var(--purse-sbx-accent-soft);
  border-radius: 50%;
}
.purse-sbx-fineprint {
  margin: 0;
  font-size: 12px;
  color: var(--purse-sbx-muted);
}
.purse-sbx-alert {
  margin: 0;
  padding: 10px 12px;
  color: var(--purse-sbx-danger);
  background: var(--purse-sbx-danger-soft);
  border: 1px solid #f3b8b2;
  border-radius: 8px;
}
.purse-sbx-alert:empty {
  display: none;
}
.purse-sbx-status {
  display: flex;
  align-items: center;
  gap: 10px;
  color: var(--purse-sbx-muted);
}
/* Kept in the accessibility tree while empty, so screen readers announce what appears in it. */
.purse-sbx-status:empty,
.purse-sbx-status.purse-sbx-quiet {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
.purse-sbx-spinner {
  flex: none;
  width: 18px;
  height: 18px;
  border: 2px solid var(--purse-sbx-accent);
  border-right-color: transparent;
  border-radius: 50%;
  animation: purse-sbx-spin 800ms linear infinite;
}
.purse-sbx-done {
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 12px;
  padding: 12px 0 4px;
  text-align: center;
}
.purse-sbx-done-icon {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 52px;
  height: 52px;
  color: var(--purse-sbx-success);
  background: var(--purse-sbx-success-soft);
  border-radius: 50%;
}
.purse-sbx-footer {
  display: flex;
  flex-wrap: wrap;
  justify-content: flex-end;
  gap: 8px;
  padding: 14px 20px;
  background: var(--purse-sbx-subtle);
  border-top: 1px solid var(--purse-sbx-line);
}
.purse-sbx-footer .purse-sbx-spacer {
  flex: 1;
}
.purse-sbx-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 8px;
  min-height: 36px;
  padding: 8px 16px;
  font: inherit;
  font-weight: 600;
  color: var(--purse-sbx-ink);
  background: var(--purse-sbx-surface);
  border: 1px solid var(--purse-sbx-line-strong);
  border-radius: 8px;
  cursor: pointer;
  transition: background-color 120ms ease, border-color 120ms ease, color 120ms ease;
}
.purse-sbx-button:hover:not(:disabled):not([aria-disabled='true']) {
  background: var(--purse-sbx-subtle);
  border-color: var(--purse-sbx-ink);
}
.purse-sbx-primary {
  color: #ffffff;
  background: var(--purse-sbx-accent);
  border-color: var(--purse-sbx-accent);
}
.purse-sbx-primary:hover:not(:disabled):not([aria-disabled='true']) {
  background: var(--purse-sbx-accent-hover);
  border-color: var(--purse-sbx-accent-hover);
}
.purse-sbx-button:disabled,
.purse-sbx-button[aria-disabled='true'] {
  color: #4f5b6d;
  background: #e9edf2;
  border-color: #e9edf2;
  cursor: not-allowed;
}
.purse-sbx-primary[aria-busy='true'] {
  color: #ffffff;
  background: var(--purse-sbx-accent);
  border-color: var(--purse-sbx-accent);
  cursor: progress;
}
.purse-sbx-root :focus-visible {
  outline: 3px solid var(--purse-sbx-accent);
  outline-offset: 2px;
}
.purse-sbx-checkbox:focus-visible {
  outline-offset: 3px;
}
.purse-sbx-visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
@keyframes purse-sbx-fade {
  from { opacity: 0; }
  to { opacity: 1; }
}
@keyframes purse-sbx-rise {
  from { opacity: 0; transform: translateY(12px) scale(0.98); }
  to { opacity: 1; transform: none; }
}
@keyframes purse-sbx-spin {
  to { transform: rotate(360deg); }
}
@media (prefers-reduced-motion: reduce) {
  .purse-sbx-root *,
  .purse-sbx-root *::before,
  .purse-sbx-root *::after {
    transition: none !important;
    animation-duration: 0.01ms !important;
    animation-iteration-count: 1 !important;
  }
  .purse-sbx-spinner {
    animation: none !important;
    border-right-color: var(--purse-sbx-accent);
    border-style: dotted;
  }
}
@media (forced-colors: active) {
  .purse-sbx-dialog {
    border: 1px solid CanvasText;
  }
  .purse-sbx-badge,
  .purse-sbx-button,
  .purse-sbx-bank,
  .purse-sbx-account {
    border: 1px solid ButtonText;
  }
}
`;

/** Adds the stylesheet to `doc` unless it is already there. */
export function ensureStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ELEMENT_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ELEMENT_ID;
  style.textContent = CSS;
  ((doc.head as HTMLHeadElement | null) ?? doc.documentElement).appendChild(style);
}
