/**
 * The router's public options, and their resolution into a complete configuration. Options are
 * checked once, when `createPurseRouter` is called, so a mistake is a clear error at start-up
 * rather than a failure on some user's first request. The caller's object is never changed.
 */
import { DEFAULT_TOP_UP_MAX_AMOUNT, DEFAULT_TOP_UP_MIN_AMOUNT } from '@purse/core';
import type { Request } from 'express';
import type Stripe from 'stripe';
import type { EventBus } from './events/event-bus.js';
import { sharedEventBus } from './events/shared-event-bus.js';

/** Who is asking, as the host app knows them. Returned by `resolveUser`. */
export interface PurseUser {
  /** The user's Stripe Customer on the platform (FC account holder when `accountHolder` is `customer`). */
  customerId?: string;
  /** The user's connected account: it holds their FinancialAccount and top-up sources. */
  accountId?: string;
  /** The FinancialAccount to use. @default the connected account's first open one */
  financialAccountId?: string;
  /** Name for the bank-debit mandate and PaymentMethod billing details. @default the connected account's business name */
  name?: string;
  /** Email for billing details. */
  email?: string;
}

export type FcPermission = 'balances' | 'ownership' | 'payment_method' | 'transactions';
export type FcPrefetch = 'balances' | 'ownership' | 'transactions';

export interface TopUpOptions {
  /** Smallest top-up, in cents. @default 100 ($1.00) */
  minAmount?: number;
  /** Largest top-up, in cents. @default 1_000_000 ($10,000.00) */
  maxAmount?: number;
  /**
   * What to do when the amount exceeds the source's known available balance: refuse
   * (`block`, 400 `balance_insufficient`), create it and report `balanceWarning` (`warn`), or
   * not look (`off`). @default 'warn'
   */
  balanceCheck?: 'block' | 'warn' | 'off';
  /** A known balance older than this is refreshed before the check (when a refresh may start). @default 3600 */
  balanceMaxAgeSeconds?: number;
  /** How long to wait for that refresh before checking against the last known balance. @default 4000 */
  balanceRefreshWaitMs?: number;
  /** Allow same-day ACH when the request asks for it (a Stripe preview). @default false */
  sameDay?: boolean;
  /** When Stripe says a transfer is not same-day eligible, retry it as standard ACH. @default true */
  sameDayFallback?: boolean;
  /** Longest description accepted, in characters. @default 140 */
  maxDescriptionLength?: number;
}

export interface AuditEvent {
  type: 'account_number_revealed';
  user: PurseUser;
  financialAccountId: string;
  at: Date;
  ip: string | undefined;
  userAgent: string | undefined;
}

export interface PurseLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface PurseRouterOptions {
  /** A stripe-node client: real Stripe, or one pointed at @purse/sandbox. */
  stripe: Stripe;
  /**
   * Returns the signed-in user, or null (the request gets 401). May be async. Identity comes
   * only from here; nothing in a request body or query can name another user's objects.
   */
  resolveUser: (
    req: Request,
  ) => PurseUser | null | undefined | Promise<PurseUser | null | undefined>;
  /**
   * Who holds linked bank accounts. `account` (the user's connected account) lets linked banks
   * fund top-ups; `customer` (the user's platform Customer) is for data-only integrations.
   * @default 'account'
   */
  accountHolder?: 'customer' | 'account';
  /** Financial Connections permissions requested when linking. @default balances, transactions, plus payment_method when top-ups are on */
  permissions?: readonly FcPermission[];
  /** Data fetched as soon as an account is linked. @default ['balances', 'transactions'] */
  prefetch?: readonly FcPrefetch[];
  /** Top-up settings, or `false` to turn the top-up routes off. @default {} (on, with the defaults above) */
  topUps?: TopUpOptions | false;
  /** Allow `GET /financial-account?reveal=account_number` (each reveal goes to `onAudit`). @default false */
  revealAccountNumber?: boolean;
  /** Where live updates are published; replace it with a shared bus when running several servers. @default the process-wide in-memory bus (also the webhook handler's default) */
  events?: EventBus;
  /** SSE keep-alive comment interval, in ms; 0 sends none. @default 15000 */
  heartbeatMs?: number;
  /**
   * The current time in unix seconds, as Stripe sees it: used for refresh cooldowns and balance
   * age, and sent to clients (`Purse-Now` header) so their countdowns match. Point it at a
   * sandbox's virtual clock when that clock is moved. @default the system clock
   */
  now?: () => number;
  /** @default console, prefixed `[purse]` */
  logger?: PurseLogger;
  /** Told about sensitive actions, such as revealing an account number. */
  onAudit?: (event: AuditEvent) => void | Promise<void>;
}

/** A configuration error, thrown by a factory when its options are wrong. */
export class PurseConfigError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'PurseConfigError';
    this.code = code;
  }
}

export interface ResolvedTopUps {
  minAmount: number;
  maxAmount: number;
  balanceCheck: 'block' | 'warn' | 'off';
  balanceMaxAgeSeconds: number;
  balanceRefreshWaitMs: number;
  sameDay: boolean;
  sameDayFallback: boolean;
  maxDescriptionLength: number;
}

/** Every option with its default filled in. Private to the package. */
export interface RouterConfig {
  stripe: Stripe;
  resolveUser: PurseRouterOptions['resolveUser'];
  accountHolder: 'customer' | 'account';
  permissions: FcPermission[];
  prefetch: FcPrefetch[];
  topUps: ResolvedTopUps | null;
  revealAccountNumber: boolean;
  events: EventBus;
  heartbeatMs: number;
  now: () => number;
  logger: PurseLogger;
  onAudit: PurseRouterOptions['onAudit'] | undefined;
}

export const consoleLogger: PurseLogger = {
  info: (message, details) => console.info(`[purse] ${message}`, details ?? ''),
  warn: (message, details) => console.warn(`[purse] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[purse] ${message}`, details ?? ''),
};

const PERMISSIONS: readonly FcPermission[] = [
  'balances',
  'ownership',
  'payment_method',
  'transactions',
];
const PREFETCH: readonly FcPrefetch[] = ['balances', 'ownership', 'transactions'];

function fail(code: string, message: string): never {
  throw new PurseConfigError(code, `${message} (${code})`);
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(
      'ERR_PURSE_INVALID_OPTION',
      `\`${name}\` must be a non-negative integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function booleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    fail(
      'ERR_PURSE_INVALID_OPTION',
      `\`${name}\` must be true or false, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function listOption<T>(value: readonly T[] | undefined, name: string, fallback: T[]): T[] {
  if (value === undefined) return fallback;
  const given: unknown = value; // plain-JavaScript callers can pass anything
  if (!Array.isArray(given)) fail('ERR_PURSE_INVALID_OPTION', `\`${name}\` must be an array`);
  return [...value];
}

/** Whether `value` has every one of `methods` as a function. */
export function hasMethods(value: unknown, methods: readonly string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function')
  );
}

function isStripeClient(value: unknown): value is Stripe {
  const candidate = value as Partial<Stripe> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.financialConnections?.sessions.create === 'function' &&
    typeof candidate.treasury?.inboundTransfers.create === 'function'
  );
}

function resolveTopUps(value: PurseRouterOptions['topUps']): ResolvedTopUps | null {
  if (value === false) return null;
  const input = value ?? {};
  if (typeof input !== 'object' || Array.isArray(input))
    fail('ERR_PURSE_INVALID_OPTION', '`topUps` must be an object or false');
  const minAmount = positiveInteger(input.minAmount, 'topUps.minAmount', DEFAULT_TOP_UP_MIN_AMOUNT);
  const maxAmount = positiveInteger(input.maxAmount, 'topUps.maxAmount', DEFAULT_TOP_UP_MAX_AMOUNT);
  if (minAmount < 1)
    fail('ERR_PURSE_INVALID_OPTION', '`topUps.minAmount` must be at least 1 (cent)');
  if (maxAmount < minAmount) {
    fail(
      'ERR_PURSE_INVALID_OPTION',
      `\`topUps.maxAmount\` (${String(maxAmount)}) is below \`topUps.minAmount\` (${String(minAmount)})`,
    );
  }
  const balanceCheck = input.balanceCheck ?? 'warn';
  if (!['block', 'warn', 'off'].includes(balanceCheck)) {
    fail('ERR_PURSE_INVALID_OPTION', "`topUps.balanceCheck` must be 'block', 'warn' or 'off'");
  }
  return {
    minAmount,
    maxAmount,
    balanceCheck,
    balanceMaxAgeSeconds: positiveInteger(
      input.balanceMaxAgeSeconds,
      'topUps.balanceMaxAgeSeconds',
      3600,
    ),
    balanceRefreshWaitMs: positiveInteger(
      input.balanceRefreshWaitMs,
      'topUps.balanceRefreshWaitMs',
      4000,
    ),
    sameDay: booleanOption(input.sameDay, 'topUps.sameDay', false),
    sameDayFallback: booleanOption(input.sameDayFallback, 'topUps.sameDayFallback', true),
    maxDescriptionLength: positiveInteger(
      input.maxDescriptionLength,
      'topUps.maxDescriptionLength',
      140,
    ),
  };
}

/** Checks the options and fills in defaults. Throws `PurseConfigError` on any mistake. */
export function resolveRouterConfig(options: PurseRouterOptions): RouterConfig {
  // Plain-JavaScript callers can pass anything; check what the types cannot.
  if (typeof options !== 'object' || (options as unknown) === null)
    fail('ERR_PURSE_MISSING_OPTIONS', 'createPurseRouter needs an options object');
  if (!isStripeClient(options.stripe)) {
    fail(
      'ERR_PURSE_MISSING_STRIPE',
      '`stripe` must be a stripe-node client (new Stripe(secretKey, ...))',
    );
  }
  if (typeof options.resolveUser !== 'function') {
    fail(
      'ERR_PURSE_MISSING_RESOLVE_USER',
      '`resolveUser(req)` is required: it tells Purse who is signed in',
    );
  }
  const accountHolder = options.accountHolder ?? 'account';
  if (!(['account', 'customer'] as string[]).includes(accountHolder)) {
    fail('ERR_PURSE_INVALID_OPTION', "`accountHolder` must be 'account' or 'customer'");
  }
  const topUps = resolveTopUps(options.topUps);
  if (topUps && accountHolder === 'customer') {
    fail(
      'ERR_PURSE_TOP_UPS_NEED_ACCOUNT_HOLDER',
      "Top-ups pull from banks linked on the user's connected account: use `accountHolder: 'account'`, or set `topUps: false` for a data-only integration",
    );
  }
  const permissions = listOption<FcPermission>(options.permissions, 'permissions', [
    'balances',
    'transactions',
    ...(topUps ? (['payment_method'] as const) : []),
  ]);
  for (const permission of permissions) {
    if (!PERMISSIONS.includes(permission))
      fail('ERR_PURSE_INVALID_OPTION', `Unknown permission '${permission}'`);
  }
  if (permissions.length === 0) fail('ERR_PURSE_INVALID_OPTION', '`permissions` must not be empty');
  if (topUps && !permissions.includes('payment_method')) {
    fail(
      'ERR_PURSE_INVALID_OPTION',
      'Top-ups need the `payment_method` permission to turn linked banks into top-up sources',
    );
  }
  const prefetch = listOption<FcPrefetch>(options.prefetch, 'prefetch', [
    'balances',
    'transactions',
  ]);
  for (const item of prefetch) {
    if (!PREFETCH.includes(item)) fail('ERR_PURSE_INVALID_OPTION', `Unknown prefetch '${item}'`);
    if (!permissions.includes(item)) {
      fail('ERR_PURSE_INVALID_OPTION', `Prefetching '${item}' needs the '${item}' permission`);
    }
  }
  const events = options.events ?? sharedEventBus();
  if (!hasMethods(events, ['publish', 'subscribe', 'replay'])) {
    fail(
      'ERR_PURSE_INVALID_OPTION',
      '`events` must implement EventBus (publish, subscribe, replay)',
    );
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    fail('ERR_PURSE_INVALID_OPTION', '`now` must be a function returning unix seconds');
  }
  if (options.onAudit !== undefined && typeof options.onAudit !== 'function') {
    fail('ERR_PURSE_INVALID_OPTION', '`onAudit` must be a function');
  }
  if (options.logger !== undefined && !hasMethods(options.logger, ['info', 'warn', 'error'])) {
    fail('ERR_PURSE_INVALID_OPTION', '`logger` must have info, warn and error methods');
  }
  return {
    stripe: options.stripe,
    resolveUser: options.resolveUser,
    accountHolder,
    permissions,
    prefetch,
    topUps,
    revealAccountNumber: booleanOption(options.revealAccountNumber, 'revealAccountNumber', false),
    events,
    heartbeatMs: positiveInteger(options.heartbeatMs, 'heartbeatMs', 15_000),
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    logger: options.logger ?? consoleLogger,
    onAudit: options.onAudit,
  };
}
