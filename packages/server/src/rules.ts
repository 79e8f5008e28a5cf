/**
 * The server's input rules in one place: the limits and character sets every entry point
 * (Express, the web-standard handler, a direct call to an operation) checks the same way. The
 * rules the browser shares (top-up limits, the statement descriptor, the nickname) come from
 * @purse/core, so the two can never disagree; the rest only the server needs.
 */
import {
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  MAX_NICKNAME_LENGTH,
  STATEMENT_DESCRIPTOR as CORE_STATEMENT_DESCRIPTOR,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
} from '@purse/core';

/** Default smallest top-up, in cents (`topUps.minAmount`). */
export const TOP_UP_MIN_AMOUNT = DEFAULT_TOP_UP_MIN_AMOUNT;
/** Default largest top-up, in cents (`topUps.maxAmount`). */
export const TOP_UP_MAX_AMOUNT = DEFAULT_TOP_UP_MAX_AMOUNT;
/** Default longest top-up description (`topUps.maxDescriptionLength`). */
export const TOP_UP_DESCRIPTION_LENGTH = TOP_UP_DESCRIPTION_MAX_LENGTH;

/** Largest request body accepted, in bytes. */
export const BODY_LIMIT_BYTES = 16 * 1024;
/** How deep a JSON body may nest. Purse's bodies are flat; this bounds the checks' work. */
export const BODY_MAX_DEPTH = 32;
/** Stripe's statement descriptor: at most 10 of letters, digits, spaces and - # . $ & *. */
export const STATEMENT_DESCRIPTOR = CORE_STATEMENT_DESCRIPTOR;
/** Longest description accepted before `topUps.maxDescriptionLength` narrows it. */
export const DESCRIPTION_MAX_LENGTH = 5000;
/** A FinancialAccount nickname: 1–249 characters. */
export const NICKNAME_MAX_LENGTH = MAX_NICKNAME_LENGTH;
/** A top-up source id is a Stripe id: bounded before it is checked for its prefix. */
export const SOURCE_ID_MAX_LENGTH = 255;
/** Largest `limit` a list route accepts. */
export const PAGE_LIMIT_MAX = 100;
/** Longest `Last-Event-ID` / `?lastEventId`. */
export const EVENT_ID_MAX_LENGTH = 40;
/**
 * Characters refused in free text (descriptions, nicknames): C0 and C1 controls (tab and line
 * breaks included: both fields are one line) and the Unicode bidirectional controls, which can
 * make a statement or a screen read differently from what was stored.
 */
export const FORBIDDEN_TEXT_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** A lone UTF-16 surrogate: not a character at all; Stripe cannot encode it. */
export const LONE_SURROGATE = /[\ud800-\udfff]/u;
