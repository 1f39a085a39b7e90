// What every file builder shares: its input, deterministic values drawn by index, dates, and fitting
// an envelope to an exact length by adding detail lines and then filler segments.
import type { Party } from '../trade.js';

/** One interchange, as its envelope is built from it. */
export interface EnvelopeInput {
  readonly interchangeId: number;
  readonly standard: string;
  readonly documentType: string;
  readonly created: number;
  /** Transaction sets (messages, documents) it carries. */
  readonly transactionSets: number;
  readonly from: Party;
  readonly to: Party;
}

/** Builds the envelope with `details` detail units and filler segments whose texts have these lengths. */
export type Build = (details: number, pads: readonly number[]) => string;

/** A filler segment: fixed characters around a text of minText..maxText characters. */
export interface PadUnit {
  readonly overhead: number;
  readonly minText: number;
  readonly maxText: number;
}

/** Room left after the detail lines, for filler and for counts that gain a digit. */
const SLACK = 48;

/** The smallest length at which `fill` gives the builder at least `details` detail units. */
export const minimumLength = (build: Build, details: number): number => build(details, []).length + SLACK;

/** The envelope of exactly `target` characters: as many details as fit, the rest in filler segments. */
export function fill(build: Build, unit: PadUnit, target: number): string {
  const fits = (details: number) => build(details, []).length + SLACK <= target;
  const empty = build(0, []).length;
  if (empty + SLACK > target) throw new Error(`an envelope cannot be as short as ${target} characters`);
  // Guess the number of details from a sample of them, then bracket the guess and bisect: few builds.
  const sample = build(8, []).length - empty;
  const guess = sample > 0 ? Math.max(0, Math.floor(((target - SLACK - empty) * 8) / sample)) : 0;
  let step = Math.max(1, guess >>> 5);
  let lo = guess;
  let hi = guess + step;
  if (fits(guess)) {
    while (fits(hi)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
  } else {
    hi = guess;
    lo = Math.max(0, guess - step);
    while (lo > 0 && !fits(lo)) {
      hi = lo;
      step *= 2;
      lo = Math.max(0, lo - step);
    }
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  // Filler segments change the segment counts in the trailers, so converge on the exact length.
  let room = target - build(lo, []).length;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const pads = padLengths(room, unit);
    if (pads === undefined) break;
    const text = build(lo, pads);
    if (text.length === target) return text;
    room += target - text.length;
  }
  throw new Error(`cannot fit an envelope to ${target} characters`);
}

function padLengths(room: number, unit: PadUnit): number[] | undefined {
  if (room === 0) return [];
  const count = Math.max(1, Math.ceil(room / (unit.overhead + unit.maxText)));
  const text = room - count * unit.overhead;
  if (text < count * unit.minText || text > count * unit.maxText) return undefined;
  const base = Math.floor(text / count);
  return Array.from({ length: count }, (_, i) => base + (i < text % count ? 1 : 0));
}

/** `make` remembered by index: `fill` builds an envelope several times over, its detail lines once. */
export function memo<T>(make: (index: number) => T): (index: number) => T {
  const made: T[] = [];
  return (index) => (made[index] ??= make(index));
}

/** A 32-bit hash of two integers: values drawn by (seed, index) repeat on every build. */
export function mix(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An integer in min..max drawn by (seed, index). */
export const between = (seed: number, index: number, min: number, max: number): number =>
  min + (mix(seed, index) % (max - min + 1));

/** A string of `length` decimal digits drawn by (seed, index). */
export function digits(seed: number, index: number, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += String(mix(seed, index * 31 + i) % 1_000_000).padStart(6, '0');
  return out.slice(0, length);
}

const WORDS = ['BLUE', 'STEEL', 'CARTON', 'PALLET', 'WIDGET', 'ASSEMBLY', 'LARGE', 'SMALL', 'RETAIL', 'PACK', 'KIT', 'SPARE',
  'COTTON', 'GLASS', 'MEDIUM', 'CASE', 'ORGANIC', 'DELUXE', 'STANDARD', 'BOX', 'FRAME', 'VALVE', 'CABLE', 'FILTER'];

/** Upper-case words, exactly `length` characters, drawn by (seed, index); never a separator of any syntax. */
export function words(seed: number, index: number, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += `${out === '' ? '' : ' '}${WORDS[mix(seed, index * 17 + i) % WORDS.length]}`;
  return out.slice(0, length).replace(/ $/, '.');
}

/** A name safe in every syntax: upper-case letters, digits and spaces. */
export const plain = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9 ]/g, '');

/** UTC date parts of an instant: YYYYMMDD, HHMMSS. */
export function stamp(ms: number): { ymd: string; hms: string } {
  const iso = new Date(ms).toISOString();
  return { ymd: iso.slice(0, 10).replace(/-/g, ''), hms: iso.slice(11, 19).replace(/:/g, '') };
}

/** A price in cents drawn by (seed, index), written with two decimals. */
export const price = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
