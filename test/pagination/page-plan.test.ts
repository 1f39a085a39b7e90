import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/graphql/errors.js';
import { cursorWriter, decodeCursor, encodeCursor } from '../../src/pagination/cursor.js';
import { MAX_RECORDS_PER_PAGE, planPages } from '../../src/pagination/page-plan.js';

const window = fc.record({ offset: fc.nat({ max: 100_000 }), count: fc.integer({ min: 1, max: 500 }) });

describe('planPages', () => {
  it('covers exactly the window with at most two pages of a documented size', () => {
    fc.assert(
      fc.property(window, ({ offset, count }) => {
        const pages = planPages(offset, count);
        expect(pages.length).toBeGreaterThanOrEqual(1);
        expect(pages.length).toBeLessThanOrEqual(2);
        let covered = offset;
        for (const page of pages) {
          expect(page.pageNo).toBeGreaterThanOrEqual(1);
          expect(page.recordsPerPage).toBeGreaterThanOrEqual(1);
          expect(page.recordsPerPage).toBeLessThanOrEqual(MAX_RECORDS_PER_PAGE);
          const start = (page.pageNo - 1) * page.recordsPerPage;
          // Pages are consecutive: each starts at or before the first row not yet covered.
          expect(start).toBeLessThanOrEqual(covered);
          covered = Math.max(covered, start + page.recordsPerPage);
        }
        expect(covered).toBeGreaterThanOrEqual(offset + count);
      }),
      { numRuns: 2000 },
    );
  });

  it('uses one page, the smallest that holds the window, whenever one exists', () => {
    fc.assert(
      fc.property(window, ({ offset, count }) => {
        let smallest: number | undefined;
        for (let size = 1; size <= MAX_RECORDS_PER_PAGE && smallest === undefined; size += 1) {
          if (Math.floor(offset / size) === Math.floor((offset + count - 1) / size)) smallest = size;
        }
        const pages = planPages(offset, count);
        if (smallest === undefined) expect(pages).toHaveLength(2);
        else expect(pages).toEqual([{ pageNo: Math.floor(offset / smallest) + 1, recordsPerPage: smallest }]);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps aligned forward pages one to one: first: 500 is one call of 500, not 501', () => {
    expect(planPages(0, 500)).toEqual([{ pageNo: 1, recordsPerPage: 500 }]);
    expect(planPages(500, 500)).toEqual([{ pageNo: 2, recordsPerPage: 500 }]);
    expect(planPages(74, 37)).toEqual([{ pageNo: 3, recordsPerPage: 37 }]);
    expect(planPages(499, 500)).toHaveLength(2);
  });
});

describe('cursors', () => {
  it('round-trip and stay compact', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: 4_102_444_800_000 }), fc.nat({ max: 10_000_000 }), (pin, offset) => {
        const cursor = encodeCursor({ filterHash: 'AbCdEfGh_-', pin, offset });
        expect(cursor.length).toBeLessThanOrEqual(56);
        expect(decodeCursor(cursor, 'after')).toEqual({ filterHash: 'AbCdEfGh_-', pin, offset });
      }),
    );
  });

  it("a page's writer gives the same cursors as encodeCursor, for any filter hash, pin and offset", () => {
    const hashChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
    fc.assert(
      fc.property(
        fc.array(hashChar, { minLength: 10, maxLength: 10 }).map((chars) => chars.join('')),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: 4_102_444_800_000 }),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 5 }),
        (filterHash, pin, offsets) => {
          const writer = cursorWriter(filterHash, pin);
          for (const offset of offsets) {
            const cursor = writer(offset);
            expect(cursor).toBe(encodeCursor({ filterHash, pin, offset }));
            // Node's own base64url of the decoded text gives the cursor back (decodeCursor checks it too).
            expect(Buffer.from(Buffer.from(cursor, 'base64url').toString('latin1'), 'latin1').toString('base64url')).toBe(cursor);
            expect(decodeCursor(cursor, 'after')).toEqual({ filterHash, pin, offset });
          }
        },
      ),
    );
  });

  it("the check value covers the offset: another offset under this one's check is refused", () => {
    const text = Buffer.from(encodeCursor({ filterHash: 'AbCdEfGh_-', pin: 1_700_000_000_000, offset: 5 }), 'base64url').toString('latin1');
    const forged = text.replace(/\.5\./, '.6.');
    expect(forged).not.toBe(text);
    expect(() => decodeCursor(Buffer.from(forged, 'latin1').toString('base64url'), 'after')).toThrow(BadInputError);
  });

  it('reject anything this server did not issue', () => {
    const good = encodeCursor({ filterHash: 'AbCdEfGh_-', pin: 1_700_000_000_000, offset: 5 });
    for (const bad of ['', 'abc', `${good}x`, good.slice(1), Buffer.from('2.AbCdEfGh_-.1.5').toString('base64url'), 'YXJyYXljb25uZWN0aW9uOjU=']) {
      expect(() => decodeCursor(bad, 'after')).toThrow(BadInputError);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          const position = decodeCursor(text, 'before');
          expect(encodeCursor(position)).toBe(text);
        } catch (error) {
          expect(error).toBeInstanceOf(BadInputError);
        }
      }),
    );
  });
});
