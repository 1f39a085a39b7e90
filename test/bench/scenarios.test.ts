import { describe, expect, it } from 'vitest';
import { difference, distinctLinkRequests, graphQueries, project } from '../../bench/lib/scenarios.js';

// The bench refuses to measure a contender whose answer to "links" or "dashboard" is not ours:
// the projection must see through each contender's shape, and nothing else.
describe('the graph scenarios of the bench', () => {
  const links = [{ interchangeId: 7, documentType: '850', parcel: { parcelId: 70, fileName: 'a.x12', from: { description: 'Northwind' } } }];

  it('reads Hive\'s envelopes, 64-bit numbers as strings and instants in any ISO form as ours', () => {
    const ours = project('links', 'ours', { inbox: { edges: links.map((node) => ({ node })) } });
    const hive = project('links', 'hive', {
      inboxList: { data: { interchanges: [{ interchangeId: '7', documentType: '850', parcel: { data: { parcelId: 70, fileName: 'a.x12', from: { data: { description: 'Northwind' } } } } }] } },
    });
    expect(difference(ours, hive)).toBeUndefined();
    expect(distinctLinkRequests(ours)).toBe(3);

    const row = { periodStart: '2026-12-01T00:00:00Z', periodEnd: '2026-12-02T00:00:00Z', count: 5, totalBytes: 10 };
    const oursDashboard = project('dashboard', 'ours', { mailboxSummary: { totalBytes: 9, reportGeneratedAt: '2026-12-07T10:00:00Z' }, interchangeStats: [{ ...row, direction: 'BOTH' }] });
    const hiveDashboard = project('dashboard', 'hive', {
      mailboxStats: { data: { totalBytes: '9', reportGeneratedAt: '2026-12-07T10:00:01.000Z' } },
      interchangeStats: { data: [{ ...row, periodStart: '2026-12-01T00:00:00.000Z', direction: 'NoDir' }] },
    });
    expect(difference(oursDashboard, hiveDashboard)).toBeUndefined();
  });

  it('finds a value that differs, a missing field and a missing row', () => {
    const ours = project('links', 'ours', { inbox: { edges: links.map((node) => ({ node })) } });
    const other = (parcel: unknown) => project('links', 'apollo', { inbox: { edges: [{ node: { ...links[0], parcel } }] } });
    expect(difference(ours, other({ ...links[0]!.parcel, from: { description: 'Contoso' } }))).toContain('$[0].parcel.from.description');
    expect(difference(ours, other(null))).toContain('$[0].parcel');
    expect(difference(ours, project('links', 'apollo', { inbox: { edges: [] } }))).toContain('1 items against 0');
  });

  it('asks every contender for the same 7 days, ending at the instant given', () => {
    const { dashboard } = graphQueries(new Date('2026-12-07T14:00:00.000Z'));
    for (const text of Object.values(dashboard)) {
      expect(text).toContain('"2026-12-07T14:00:00.000Z"');
      expect(text).toContain('"2026-11-30T14:00:00.000Z"');
    }
  });
});
