import { BadInputError } from '../bad-input-error.js';

/**
 * Where an edge stands in a pinned list: the list's filter hash, the instant the walk pinned
 * as its effective endDate, and the edge's 0-based offset in that list.
 */
export interface CursorPosition {
  readonly filterHash: string;
  readonly pin: number;
  readonly offset: number;
}

const VERSION = '1';
const SHAPE = /^1\.([A-Za-z0-9_-]{10})\.([0-9a-z]{1,11})\.([0-9a-z]{1,7})$/;

/** Compact and opaque: base64url of `1.<hash>.<pin base36>.<offset base36>` (about 36 characters). */
export function encodeCursor(position: CursorPosition): string {
  const text = `${VERSION}.${position.filterHash}.${position.pin.toString(36)}.${position.offset.toString(36)}`;
  return Buffer.from(text, 'latin1').toString('base64url');
}

export function decodeCursor(cursor: string, argument: 'after' | 'before'): CursorPosition {
  const match = cursor.length <= 64 ? SHAPE.exec(Buffer.from(cursor, 'base64url').toString('latin1')) : null;
  if (!match) throw new BadInputError(`${argument}: not a cursor issued by this server`, argument);
  const pin = Number.parseInt(match[2]!, 36);
  const offset = Number.parseInt(match[3]!, 36);
  const position = { filterHash: match?.[1] ?? '', pin, offset };
  if (!Number.isSafeInteger(pin) || !Number.isSafeInteger(offset) || encodeCursor(position) !== cursor) {
    throw new BadInputError(`${argument}: not a cursor issued by this server`, argument);
  }
  return position;
}
