/** Opaque connection cursors: a list's hash, the walk's pin and an offset, with a check value. */
import { BadInputError } from '../graphql/errors.js';

/**
 * Where an edge stands in a pinned list: the list's filter hash, the instant the walk pinned
 * as its effective endDate, and the edge's 0-based offset in that list.
 */
export interface CursorPosition {
  readonly filterHash: string;
  readonly pin: number;
  readonly offset: number;
}

/** No walk is pinned before ECGrid's v2 API existed, nor after the year 9999 (a Date's range). */
const MIN_PIN = Date.UTC(2000, 0, 1);
const MAX_PIN = Date.UTC(9999, 11, 31);
/** Offsets stay where ECGrid's Int32 `pageNo` can reach them. */
export const MAX_OFFSET = 1_000_000_000;

const SHAPE = /^1\.([A-Za-z0-9_-]{10})\.([0-9a-z]{1,11})\.([0-9a-z]{1,7})\.([A-Za-z0-9_-]{4})$/;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// A check value, not a secret: it tells a cursor this server wrote from a typo, a truncation or
// a hand-made one. Cursors grant nothing (ECGrid checks every call), so no key management.
// FNV-1a (32 bits, 24 of them kept) in place of a hash call: every edge of a page gets a
// cursor, and the check, like the base64url text, is carried on from the page's common prefix
// (an HMAC per edge was measurably slower: bench/README.md).
const FNV_PRIME = 0x01000193;
const fnv1a = (state: number, text: string): number => {
  let next = state;
  for (let index = 0; index < text.length; index += 1) next = Math.imul(next ^ text.charCodeAt(index), FNV_PRIME);
  return next >>> 0;
};
const CHECK_SEED = fnv1a(0x811c9dc5, 'ecgrid-graphql cursor v1\0');
const checkText = (state: number) =>
  BASE64URL[state & 63]! + BASE64URL[(state >>> 6) & 63]! + BASE64URL[(state >>> 12) & 63]! + BASE64URL[(state >>> 18) & 63]!;
const check = (payload: string) => checkText(fnv1a(CHECK_SEED, payload));

/** base64url without padding of a text of code points below 256, as Buffer's `latin1` → `base64url`. */
function base64url(text: string): string {
  let out = '';
  let index = 0;
  for (; index + 2 < text.length; index += 3) {
    const bits = (text.charCodeAt(index) << 16) | (text.charCodeAt(index + 1) << 8) | text.charCodeAt(index + 2);
    out += BASE64URL[bits >>> 18]! + BASE64URL[(bits >>> 12) & 63]! + BASE64URL[(bits >>> 6) & 63]! + BASE64URL[bits & 63]!;
  }
  const left = text.length - index;
  if (left > 0) {
    const bits = (text.charCodeAt(index) << 16) | (left === 2 ? text.charCodeAt(index + 1) << 8 : 0);
    out += BASE64URL[bits >>> 18]! + BASE64URL[(bits >>> 12) & 63]! + (left === 2 ? BASE64URL[(bits >>> 6) & 63]! : '');
  }
  return out;
}

/**
 * The cursors of one walk's list (`filterHash`, `pin`), by offset. The common prefix is hashed and
 * encoded once: its whole 3-character groups are the same base64url for every offset.
 */
export function cursorWriter(filterHash: string, pin: number): (offset: number) => string {
  const prefix = `1.${filterHash}.${pin.toString(36)}.`;
  const state = fnv1a(CHECK_SEED, prefix);
  const whole = prefix.length - (prefix.length % 3);
  const head = base64url(prefix.slice(0, whole));
  const rest = prefix.slice(whole);
  return (offset) => {
    const text = offset.toString(36);
    return head + base64url(`${rest}${text}.${checkText(fnv1a(state, text))}`);
  };
}

/** Compact and opaque: base64url of `1.<hash>.<pin base36>.<offset base36>.<check>` (about 44 characters). */
export function encodeCursor(position: CursorPosition): string {
  return cursorWriter(position.filterHash, position.pin)(position.offset);
}

export function decodeCursor(cursor: string, argument: 'after' | 'before'): CursorPosition {
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64url').toString('latin1') : '';
  const match = SHAPE.exec(text);
  const payload = text.slice(0, text.lastIndexOf('.'));
  if (!match || check(payload) !== match[4] || Buffer.from(text, 'latin1').toString('base64url') !== cursor) {
    throw new BadInputError(`${argument}: not a cursor issued by this server`, argument);
  }
  const position = { filterHash: match[1]!, pin: Number.parseInt(match[2]!, 36), offset: Number.parseInt(match[3]!, 36) };
  // The check value is no secret: what a cursor says is untrusted input, range-checked like any.
  if (!(position.pin >= MIN_PIN && position.pin <= MAX_PIN) || !(position.offset >= 0 && position.offset <= MAX_OFFSET)) {
    throw new BadInputError(`${argument}: not a cursor issued by this server`, argument);
  }
  return position;
}
