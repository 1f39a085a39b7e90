/** TrafficPeriod: sent and received per hour, day, week or month (POST /v2/reports/traffic-stats), for a traffic chart. */
import { BadInputError } from '../../graphql/errors.js';
import type { TrafficPeriodRecord } from '../../upstream/records/reports.js';
import { builder } from '../builder.js';
import { checkedOr, EPOCH, exposingChecked } from '../fields/checked.js';
import { StatisticsPeriod } from './enums.js';

/** At most a year of days, and a chart's worth of any other period. */
export const MAX_PERIODS = 366;

const TrafficPeriod = builder.objectRef<TrafficPeriodRecord>('TrafficPeriod').implement({
  description: 'One period of traffic: interchanges sent and received in [periodStart, periodEnd).',
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      periodStart: t.field({
        type: 'DateTime',
        description: 'Start (inclusive), in UTC.',
        resolve: checkedOr((p: TrafficPeriodRecord) => p.periodStart, EPOCH),
      }),
      periodEnd: t.field({
        type: 'DateTime',
        description: "End (exclusive): the next period's start, in UTC.",
        resolve: checkedOr((p: TrafficPeriodRecord) => p.periodEnd, EPOCH),
      }),
      sentCount: checked.expose('sentCount', { type: 'SafeInt', nullable: true, description: 'Interchanges sent (outbox).' }),
      receivedCount: checked.expose('receivedCount', { type: 'SafeInt', nullable: true, description: 'Interchanges received (inbox).' }),
      totalBytes: checked.expose('totalBytes', { type: 'SafeInt', nullable: true, description: 'Bytes of both.' }),
    };
  },
});

builder.queryField('trafficStats', (t) =>
  t.field({
    type: [TrafficPeriod],
    complexity: 1,
    description:
      'POST /v2/reports/traffic-stats: `periods` periods (1 to 366) of length `period`, oldest first, ' +
      'ending with the period that contains `targetTime` (default: now). Periods are aligned to UTC.',
    args: {
      targetTime: t.arg({ type: 'DateTime', description: 'An instant inside the last period; default now.' }),
      periods: t.arg.int({ required: true, description: 'How many periods, 1 to 366.' }),
      period: t.arg({ type: StatisticsPeriod, required: true }),
    },
    resolve: (_root, { targetTime, periods, period }, context) => {
      if (periods < 1 || periods > MAX_PERIODS) throw new BadInputError(`periods must be between 1 and ${MAX_PERIODS}`, 'periods');
      return context.ecgrid.trafficStats.load({ targetTime: targetTime ?? new Date(context.now), numPeriods: periods, period });
    },
  }),
);
