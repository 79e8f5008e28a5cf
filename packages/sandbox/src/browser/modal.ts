/**
 * The stand-in's bank-link modal, in plain DOM so it works in any app: choose a bank, choose
 * accounts, consent to the session's permissions, done. It is a modal dialog in the ARIA sense:
 * focus moves in on open, Tab and Shift+Tab cycle inside it, Escape leaves, the rest of the page
 * is `inert` while it is open, and focus goes back where it was when it closes.
 */
import type { ApiResult, AccountChoice, ClientSessionView, InstitutionChoice } from './api.js';
import { modalMessages, resolveModalLocale, type ModalMessages } from './messages.js';
import { ensureStyles } from './styles.js';
import type { SandboxFinancialConnectionsSession, SandboxStripeError } from './types.js';

/** How the flow ended. */
export type LinkFlowOutcome =
  /** The user linked accounts; `session` is what the complete endpoint answered. */
  | { kind: 'linked'; session: SandboxFinancialConnectionsSession }
  /** The user left (Escape, Close, Cancel) before linking anything. */
  | { kind: 'left' }
  /** Linking failed for good (the session expired or was used meanwhile). */
  | { kind: 'failed'; error: SandboxStripeError };

export interface LinkFlowOptions {
  document: Document;
  view: ClientSessionView;
  complete(
    institution: string,
    accounts: readonly string[],
  ): Promise<ApiResult<SandboxFinancialConnectionsSession>>;
  /** How long the done step stays before the modal closes itself; non-finite: never. */
  autoCloseMs: number;
  /** `en`, `de` or `fr`. @default the document's `<html lang>`, else English */
  locale?: string | undefined;
}

/** The permissions of a session in plain words (English; see `messages.ts` for the others). */
export const PERMISSION_LABELS: Readonly<Record<string, string>> = modalMessages.en.permissions;

/** Errors after which retrying cannot help: the session itself is gone. */
function isFatal(error: SandboxStripeError): boolean {
  return (
    error.code === 'session_already_used' ||
    error.code === 'session_expired' ||
    (error.code === 'resource_missing' && error.param === 'client_secret')
  );
}

function permissionLabel(permission: string, m: ModalMessages): string {
  const label = m.permissions[permission];
  if (label !== undefined) return label;
  const words = permission.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function subcategoryLabel(subcategory: string, m: ModalMessages): string {
  return m.subcategories[subcategory] ?? subcategory.replace(/_/g, ' ');
}

function listInWords(items: readonly string[], m: ModalMessages): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${m.and} ${items[items.length - 1] ?? ''}`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const DOCUMENT_POSITION_FOLLOWING = 4;
const TABBABLE = [
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'a[href]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

let instanceCount = 0;

type Child = Node | string | null | undefined | false;

function present(children: readonly Child[]): (Node | string)[] {
  return children.filter(
    (child): child is Node | string => child !== null && child !== undefined && child !== false,
  );
}

interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
}

/** Runs the flow in a new modal; resolves once the modal has closed. */
export function runLinkFlow(options: LinkFlowOptions): Promise<LinkFlowOutcome> {
  return new Promise((resolve) => {
    new LinkModal(options, resolve).open();
  });
}

type Step =
  | { name: 'banks' }
  | { name: 'accounts'; institution: InstitutionChoice }
  | { name: 'consent'; institution: InstitutionChoice }
  | { name: 'done'; institution: InstitutionChoice; session: SandboxFinancialConnectionsSession };

class LinkModal {
  private readonly doc: Document;
  private readonly view: ClientSessionView;
  private readonly m: ModalMessages;
  private readonly uid: string;
  private readonly root: HTMLElement;
  private readonly dialog: HTMLElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly content: HTMLElement;
  private readonly status: HTMLElement;
  private readonly footer: HTMLElement;
  private step: Step = { name: 'banks' };
  /** Chosen account ids, for `selectedFor`'s institution. */
  private selected = new Set<string>();
  private selectedFor: string | null = null;
  private busy = false;
  private error: SandboxStripeError | null = null;
  private finished = false;
  private returnFocusTo: HTMLElement | null = null;
  private readonly inerted: Element[] = [];
  private observer: MutationObserver | null = null;
  private autoCloseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: LinkFlowOptions,
    private readonly resolve: (outcome: LinkFlowOutcome) => void,
  ) {
    this.doc = options.document;
    this.view = options.view;
    this.m = modalMessages[resolveModalLocale(this.doc, options.locale)];
    instanceCount += 1;
    this.uid = `purse-sbx-${String(instanceCount)}`;

    this.closeButton = this.el('button', {
      class: 'purse-sbx-close',
      attrs: { type: 'button', 'aria-label': this.m.close },
    });
    this.closeButton.append(this.icon('M6 6l12 12M18 6L6 18', 20));
    this.closeButton.addEventListener('click', () => {
      this.leave();
    });

    this.content = this.el('div', { class: 'purse-sbx-content' });
    this.status = this.el('div', {
      class: 'purse-sbx-status',
      attrs: { role: 'status', 'aria-live': 'polite' },
    });
    this.footer = this.el('div', { class: 'purse-sbx-footer' });

    this.dialog = this.el(
      'div',
      {
        class: 'purse-sbx-dialog',
        attrs: {
          role: 'dialog',
          'aria-modal': 'true',
          'aria-labelledby': `${this.uid}-title`,
          'aria-describedby': `${this.uid}-notice`,
        },
      },
      [
        // The close button comes first in the DOM, so it is first in tab order as it is first
        // to the eye in the corner; CSS puts it at the end of the row.
        this.el('div', { class: 'purse-sbx-header' }, [
          this.closeButton,
          this.el('h2', {
            class: 'purse-sbx-title',
            text: this.m.title,
            attrs: { id: `${this.uid}-title` },
          }),
          this.el('span', {
            class: 'purse-sbx-badge',
            text: this.m.badge,
            attrs: { title: this.m.badgeTitle },
          }),
        ]),
        this.el('div', { class: 'purse-sbx-body' }, [
          this.content,
          this.status,
          this.el('p', {
            class: 'purse-sbx-fineprint',
            text: this.m.notice,
            attrs: { id: `${this.uid}-notice` },
          }),
        ]),
        this.footer,
      ],
    );

    this.root = this.el(
      'div',
      { class: 'purse-sbx-root', attrs: { 'data-purse-sandbox-stripe': '' } },
      [
        this.el('div', { class: 'purse-sbx-backdrop', attrs: { 'aria-hidden': 'true' } }),
        this.dialog,
      ],
    );
  }

  open(): void {
    ensureStyles(this.doc);
    const active = this.doc.activeElement;
    this.returnFocusTo =
      active && active !== this.doc.body && 'focus' in active ? (active as HTMLElement) : null;
    this.doc.body.append(this.root);
    this.makeBackgroundInert();
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    this.doc.addEventListener('focusin', this.onFocusIn, true);
    this.render();
  }

  // ---------------------------------------------------------------------------------------------
  // Leaving and closing

  /** Escape, Close or Cancel. Ignored while a link request is in flight. */
  private leave(): void {
    if (this.finished || this.busy) return;
    if (this.step.name === 'done') {
      this.finish({ kind: 'linked', session: this.step.session });
    } else if (this.error && isFatal(this.error)) {
      this.finish({ kind: 'failed', error: this.error });
    } else {
      this.finish({ kind: 'left' });
    }
  }

  private finish(outcome: LinkFlowOutcome): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.autoCloseTimer);
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    this.doc.removeEventListener('focusin', this.onFocusIn, true);
    this.root.remove();
    this.restoreBackground();
    const target = this.returnFocusTo;
    if (target?.isConnected) target.focus();
    this.resolve(outcome);
  }

  // ---------------------------------------------------------------------------------------------
  // The page behind: inert while the modal is open

  private makeBackgroundInert(): void {
    const mark = (node: Node): void => {
      if (node.nodeType !== 1 || node === this.root) return;
      const element = node as Element;
      if (element.hasAttribute('inert') || element.tagName === 'SCRIPT') return;
      element.setAttribute('inert', '');
      this.inerted.push(element);
    };
    for (const child of Array.from(this.doc.body.children)) mark(child);
    const Observer = this.doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    // Portals and toasts the app adds while the modal is open are made inert too; and if the
    // app removes the modal (say, it re-rendered the whole body), the user has left the flow.
    this.observer = new Observer((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) mark(node);
        if (Array.from(record.removedNodes).includes(this.root)) {
          this.finish({ kind: 'left' });
          return;
        }
      }
    });
    this.observer.observe(this.doc.body, { childList: true });
  }

  private restoreBackground(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const element of this.inerted.splice(0)) element.removeAttribute('inert');
  }

  // ---------------------------------------------------------------------------------------------
  // Keyboard and focus

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.leave();
      return;
    }
    if (event.key === 'Tab') {
      event.preventDefault();
      this.moveFocus(event.shiftKey ? -1 : 1);
    }
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target as Node | null;
    if (target && !this.root.contains(target)) this.focusStart();
  };

  private tabbables(): HTMLElement[] {
    return Array.from(this.dialog.querySelectorAll<HTMLElement>(TABBABLE)).filter(
      (element) => !element.closest('[hidden], [inert]'),
    );
  }

  /** Tab / Shift+Tab, cycling through the dialog's controls. */
  private moveFocus(direction: 1 | -1): void {
    const items = this.tabbables();
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      this.focusStart();
      return;
    }
    const active = this.doc.activeElement;
    if (!active || !this.dialog.contains(active)) {
      (direction === 1 ? first : last).focus();
      return;
    }
    const index = items.indexOf(active as HTMLElement);
    let next: HTMLElement | undefined;
    if (index >= 0) {
      next = items[(index + direction + items.length) % items.length];
    } else {
      // Focus is on a heading (tabindex -1): go to the control just after or before it.
      const before = items.filter(
        (item) => (item.compareDocumentPosition(active) & DOCUMENT_POSITION_FOLLOWING) !== 0,
      ).length;
      next = direction === 1 ? (items[before] ?? first) : (items[before - 1] ?? last);
    }
    (next ?? first).focus();
  }

  /** Focus for a new step: its heading, so the step is announced; Tab reaches its controls. */
  private focusStart(): void {
    const target =
      this.dialog.querySelector<HTMLElement>('[data-purse-sbx-autofocus]') ??
      this.dialog.querySelector<HTMLElement>('.purse-sbx-heading');
    target?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Steps

  private goTo(step: Step): void {
    this.step = step;
    this.error = null;
    this.status.classList.remove('purse-sbx-quiet');
    this.status.replaceChildren();
    this.render();
  }

  private render(): void {
    const step = this.step;
    switch (step.name) {
      case 'banks':
        this.renderBanks();
        break;
      case 'accounts':
        this.renderAccounts(step.institution);
        break;
      case 'consent':
        this.renderConsent(step.institution);
        break;
      case 'done':
        this.renderDone(step.institution, step.session);
        break;
      default:
        step satisfies never;
    }
    this.syncBusy();
    this.focusStart();
  }

  private stepHeader(index: number, title: string, lede?: string): Child[] {
    return [
      this.el('p', { class: 'purse-sbx-step', text: this.m.step(index, 3) }),
      this.el('h3', {
        class: 'purse-sbx-heading',
        text: title,
        attrs: { tabindex: '-1', id: `${this.uid}-step-title` },
      }),
      lede === undefined ? null : this.el('p', { class: 'purse-sbx-lede', text: lede }),
    ];
  }

  private renderBanks(): void {
    const list = this.el('ul', {
      class: 'purse-sbx-list',
      attrs: { 'aria-labelledby': `${this.uid}-step-title` },
    });
    this.view.institutions.forEach((institution) => {
      // Named by its content (the bank's name, then its note): a name that matches what is
      // shown, so speech input ("click StripeBank") works.
      const button = this.el(
        'button',
        {
          class: 'purse-sbx-bank',
          attrs: { type: 'button' },
        },
        [
          this.el('span', {
            class: 'purse-sbx-logo',
            text: institution.name.charAt(0).toUpperCase(),
            attrs: { 'aria-hidden': 'true' },
          }),
          this.el('span', { class: 'purse-sbx-bank-text' }, [
            this.el('span', { class: 'purse-sbx-name', text: this.bankName(institution) }),
            // A space between name and note in the accessible name (not shown: a flex gap).
            ' ',
            this.el('span', {
              class: 'purse-sbx-note',
              text: this.m.bankNotes[institution.id] ?? institution.note,
            }),
          ]),
          this.icon('M9 6l6 6-6 6', 18, 'purse-sbx-chevron'),
        ],
      );
      button.addEventListener('click', () => {
        if (this.selectedFor !== institution.id) {
          this.selected = new Set();
          this.selectedFor = institution.id;
        }
        this.goTo({ name: 'accounts', institution });
      });
      list.append(this.el('li', {}, [button]));
    });
    const empty =
      this.view.institutions.length === 0
        ? this.el('p', { class: 'purse-sbx-summary', text: this.m.noBanks })
        : null;
    this.setContent(...this.stepHeader(1, this.m.banksTitle, this.m.banksLede), empty ?? list);
    this.footer.replaceChildren(
      this.el('span', { class: 'purse-sbx-spacer' }),
      this.cancelButton(),
    );
  }

  private renderAccounts(institution: InstitutionChoice): void {
    const available = institution.accounts.filter((a) => a.unavailable === null);
    const continueButton = this.button(this.m.continue, 'primary', () => {
      if (this.selected.size > 0) this.goTo({ name: 'consent', institution });
    });
    const list = this.el('ul', { class: 'purse-sbx-list' });
    institution.accounts.forEach((account, i) => {
      list.append(this.el('li', {}, [this.accountRow(institution, account, i, continueButton)]));
    });
    const fieldset = this.el('fieldset', { class: 'purse-sbx-fieldset' }, [
      this.el('legend', {
        class: 'purse-sbx-legend purse-sbx-visually-hidden',
        text: this.m.accountsLegend(this.bankName(institution)),
      }),
      list,
    ]);
    this.setContent(
      ...this.stepHeader(
        2,
        this.m.accountsTitle(this.bankName(institution)),
        available.length === 0 ? this.m.accountsNoneAvailable : this.m.accountsLede,
      ),
      fieldset,
    );
    continueButton.disabled = this.selected.size === 0;
    this.footer.replaceChildren(
      this.button(this.m.back, 'secondary', () => {
        this.goTo({ name: 'banks' });
      }),
      this.el('span', { class: 'purse-sbx-spacer' }),
      this.cancelButton(),
      continueButton,
    );
  }

  private accountRow(
    institution: InstitutionChoice,
    account: AccountChoice,
    index: number,
    continueButton: HTMLButtonElement,
  ): HTMLElement {
    const id = `${this.uid}-account-${String(index)}`;
    const describedBy = [`${id}-note`];
    const input = this.el('input', {
      class: 'purse-sbx-checkbox',
      attrs: {
        type: 'checkbox',
        id,
        value: account.id,
        'aria-labelledby': `${id}-name ${id}-meta`,
      },
    });
    const unavailable = account.unavailable;
    if (unavailable !== null) {
      input.disabled = true;
      describedBy.unshift(`${id}-reason`);
    } else {
      input.checked = this.selected.has(account.id);
    }
    input.setAttribute('aria-describedby', describedBy.join(' '));
    const row = this.el(
      'label',
      {
        class: `purse-sbx-account${unavailable === null ? '' : ' purse-sbx-unavailable'}${
          input.checked ? ' purse-sbx-checked' : ''
        }`,
        attrs: { for: id },
      },
      [
        input,
        this.el('span', { class: 'purse-sbx-account-text' }, [
          this.el('span', {
            class: 'purse-sbx-name',
            text: account.display_name,
            attrs: { id: `${id}-name` },
          }),
          this.el('span', {
            class: 'purse-sbx-meta',
            text: `${subcategoryLabel(account.subcategory, this.m)} · ${this.m.endingIn(account.last4)}`,
            attrs: { id: `${id}-meta` },
          }),
          this.el('span', {
            class: 'purse-sbx-note',
            text: this.m.accountNotes[`${institution.id}/${account.id}`] ?? account.note,
            attrs: { id: `${id}-note` },
          }),
          unavailable === null
            ? null
            : this.el('span', {
                class: 'purse-sbx-reason',
                text: this.m.unavailable[unavailable] ?? unavailable,
                attrs: { id: `${id}-reason` },
              }),
        ]),
      ],
    );
    input.addEventListener('change', () => {
      if (input.disabled) return;
      if (input.checked) this.selected.add(account.id);
      else this.selected.delete(account.id);
      row.classList.toggle('purse-sbx-checked', input.checked);
      continueButton.disabled = this.selected.size === 0;
    });
    return row;
  }

  private chosenAccounts(institution: InstitutionChoice): AccountChoice[] {
    return institution.accounts.filter((a) => a.unavailable === null && this.selected.has(a.id));
  }

  private renderConsent(institution: InstitutionChoice): void {
    const chosen = this.chosenAccounts(institution);
    const permissions = this.el(
      'ul',
      { class: 'purse-sbx-list', attrs: { 'aria-labelledby': `${this.uid}-permissions` } },
      this.view.permissions.map((permission) =>
        this.el('li', { class: 'purse-sbx-permission' }, [
          this.el('span', { class: 'purse-sbx-tick', attrs: { 'aria-hidden': 'true' } }, [
            this.icon('M5 12.5l4.5 4.5L19 7.5', 14),
          ]),
          permissionLabel(permission, this.m),
        ]),
      ),
    );
    const fatal = this.error !== null && isFatal(this.error);
    this.setContent(
      ...this.stepHeader(3, this.m.consentTitle),
      this.el('p', {
        class: 'purse-sbx-summary',
        text: this.m.linking(
          listInWords(
            chosen.map((a) => this.m.accountInList(a.display_name, a.last4)),
            this.m,
          ),
          this.bankName(institution),
        ),
      }),
      this.el('p', {
        class: 'purse-sbx-legend',
        text: this.m.canSee,
        attrs: { id: `${this.uid}-permissions` },
      }),
      permissions,
      this.error === null
        ? null
        : this.el('p', {
            class: 'purse-sbx-alert',
            text: fatal ? this.m.fatal(this.error.message) : this.m.failed(this.error.message),
            attrs: { role: 'alert' },
          }),
    );
    if (fatal) {
      const close = this.button(this.m.close, 'primary', () => {
        this.leave();
      });
      this.footer.replaceChildren(this.el('span', { class: 'purse-sbx-spacer' }), close);
      return;
    }
    const agree = this.button(
      this.error === null ? this.m.agree : this.m.tryAgain,
      'primary',
      () => {
        void this.link(institution, chosen);
      },
    );
    agree.setAttribute('data-purse-sbx-agree', '');
    this.footer.replaceChildren(
      this.button(this.m.back, 'secondary', () => {
        this.goTo({ name: 'accounts', institution });
      }),
      this.el('span', { class: 'purse-sbx-spacer' }),
      this.cancelButton(),
      agree,
    );
  }

  private async link(institution: InstitutionChoice, chosen: AccountChoice[]): Promise<void> {
    if (this.busy || this.finished) return;
    this.busy = true;
    this.error = null;
    this.content.querySelector('[role="alert"]')?.remove();
    this.status.replaceChildren(
      this.el('span', { class: 'purse-sbx-spinner', attrs: { 'aria-hidden': 'true' } }),
      this.el('span', { text: this.m.linkingCount(chosen.length) }),
    );
    this.syncBusy();
    const result = await this.options.complete(
      institution.id,
      chosen.map((a) => a.id),
    );
    // Leaving is ignored while busy, so the modal is still open here.
    this.busy = false;
    if (result.ok) {
      this.goTo({ name: 'done', institution, session: result.value });
      return;
    }
    this.error = result.error;
    this.status.replaceChildren();
    this.renderConsent(institution);
    this.syncBusy();
    // Keep focus on the button the user pressed (now "Try again" or "Close").
    const again = this.footer.querySelector<HTMLElement>('.purse-sbx-primary');
    again?.focus();
  }

  private renderDone(
    institution: InstitutionChoice,
    session: SandboxFinancialConnectionsSession,
  ): void {
    const count = session.accounts.length;
    const names = session.accounts.map((a) => a.display_name ?? a.id);
    const autoCloses = Number.isFinite(this.options.autoCloseMs);
    const done = this.button(this.m.done, 'primary', () => {
      this.leave();
    });
    done.setAttribute('data-purse-sbx-autofocus', '');
    this.setContent(
      this.el('div', { class: 'purse-sbx-done' }, [
        this.el('span', { class: 'purse-sbx-done-icon', attrs: { 'aria-hidden': 'true' } }, [
          this.icon('M5 12.5l4.5 4.5L19 7.5', 28),
        ]),
        this.el('h3', {
          class: 'purse-sbx-heading',
          text: this.m.linked(count),
          attrs: { tabindex: '-1', id: `${this.uid}-step-title` },
        }),
        this.el('p', {
          class: 'purse-sbx-lede',
          text: `${this.m.linkedLede(listInWords(names, this.m), this.bankName(institution))}${
            autoCloses ? ` ${this.m.closesItself}` : ''
          }`,
        }),
      ]),
    );
    // Announced (focus goes to Done), but not shown twice: the heading says it already.
    this.status.classList.add('purse-sbx-quiet');
    this.status.replaceChildren(`${this.m.linked(count)}.`);
    this.footer.replaceChildren(this.el('span', { class: 'purse-sbx-spacer' }), done);
    if (autoCloses) {
      this.autoCloseTimer = setTimeout(
        () => {
          this.leave();
        },
        Math.max(0, this.options.autoCloseMs),
      );
    }
  }

  /** While linking: every control but the status stays focusable but does nothing. */
  private syncBusy(): void {
    const controls = [this.closeButton, ...Array.from(this.footer.querySelectorAll('button'))];
    for (const control of controls) {
      if (this.busy) control.setAttribute('aria-disabled', 'true');
      else control.removeAttribute('aria-disabled');
    }
    const agree = this.footer.querySelector('[data-purse-sbx-agree]');
    if (agree) {
      agree.textContent = this.busy
        ? this.m.linkingCount(this.selected.size)
        : this.error
          ? this.m.tryAgain
          : this.m.agree;
      if (this.busy) agree.setAttribute('aria-busy', 'true');
      else agree.removeAttribute('aria-busy');
    }
    if (this.busy) this.dialog.setAttribute('aria-busy', 'true');
    else this.dialog.removeAttribute('aria-busy');
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers

  /** The bank's name as shown: the sandbox's test names without their developer suffixes. */
  private bankName(institution: InstitutionChoice): string {
    return this.m.bankNames[institution.id] ?? institution.name;
  }

  private setContent(...children: Child[]): void {
    this.content.replaceChildren(...present(children));
  }

  private cancelButton(): HTMLButtonElement {
    return this.button(this.m.cancel, 'secondary', () => {
      this.leave();
    });
  }

  private button(
    label: string,
    kind: 'primary' | 'secondary',
    onClick: () => void,
  ): HTMLButtonElement {
    const button = this.el('button', {
      class: `purse-sbx-button${kind === 'primary' ? ' purse-sbx-primary' : ''}`,
      text: label,
      attrs: { type: 'button' },
    });
    button.addEventListener('click', () => {
      if (this.busy || button.getAttribute('aria-disabled') === 'true') return;
      onClick();
    });
    return button;
  }

  private el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Props = {},
    children: readonly Child[] = [],
  ): HTMLElementTagNameMap[K] {
    const element = this.doc.createElement(tag);
    if (props.class !== undefined) element.className = props.class;
    if (props.text !== undefined) element.textContent = props.text;
    for (const [name, value] of Object.entries(props.attrs ?? {}))
      element.setAttribute(name, value);
    element.append(...present(children));
    return element;
  }

  /** A 24×24 stroked icon, hidden from assistive technology. */
  private icon(path: string, size: number, className?: string): SVGSVGElement {
    const svg = this.doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('fill', 'none');
    svg.setAttribute('stroke', 'currentColor');
    svg.setAttribute('stroke-width', '2');
    svg.setAttribute('stroke-linecap', 'round');
    svg.setAttribute('stroke-linejoin', 'round');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    if (className !== undefined) svg.setAttribute('class', className);
    const shape = this.doc.createElementNS(SVG_NS, 'path');
    shape.setAttribute('d', path);
    svg.append(shape);
    return svg;
  }
}
