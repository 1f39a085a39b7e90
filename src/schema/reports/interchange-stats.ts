/** InterchangeStatsPeriod: interchange counts per day of a date range (POST /v2/reports/interchange-stats). */
import { BadInputError } from '../../graphql/errors.js';
import type { InterchangeStatsPeriodRecord } from '../../upstream/records/reports.js';
import { builder } from '../builder.js';
import { checkedOr, EPOCH, exposingChecked } from '../fields/checked.js';
import { Direction } from './enums.js';

/** ECGrid documents no maximum; a year (a leap year's days) keeps one answer a chart's size. */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const InterchangeStatsPeriod = builder.objectRef<InterchangeStatsPeriodRecord>('InterchangeStatsPeriod').implement({
  description: 'One day of the range (the first and last cut to startTime and endTime): its interchanges and their bytes.',
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      periodStart: t.field({ type: 'DateTime', resolve: checkedOr((p: InterchangeStatsPeriodRecord) => p.periodStart, EPOCH) }),
      periodEnd: t.field({ type: 'DateTime', resolve: checkedOr((p: InterchangeStatsPeriodRecord) => p.periodEnd, EPOCH) }),
      count: checked.expose('count', { type: 'SafeInt', nullable: true }),
      totalBytes: checked.expose('totalBytes', { type: 'SafeInt', nullable: true }),
      direction: checked.expose('direction', {
        type: Direction,
        nullable: true,
        description: 'The direction counted; a value ECGrid adds later answers null with an error here.',
      }),
    };
  },
});

builder.queryField('interchangeStats', (t) =>
  t.field({
    type: [InterchangeStatsPeriod],
    complexity: 1,
    description:
      'POST /v2/reports/interchange-stats: interchanges per UTC day from `startTime` to `endTime` (both inclusive; ' +
      '`endTime` after `startTime`, at most 366 days apart).',
    args: {
      startTime: t.arg({ type: 'DateTime', required: true }),
      endTime: t.arg({ type: 'DateTime', required: true }),
      direction: t.arg({ type: Direction, required: true }),
    },
    resolve: (_root, { startTime, endTime, direction }, context) => {
      if (endTime.getTime() <= startTime.getTime()) throw new BadInputError('endTime must be after startTime', 'endTime');
      if (endTime.getTime() - startTime.getTime() > MAX_RANGE_DAYS * DAY_MS) {
        throw new BadInputError(`startTime and endTime may be at most ${MAX_RANGE_DAYS} days apart`, 'endTime');
      }
      return context.ecgrid.interchangeStats.load({ startTime, endTime, direction });
    },
  }),
);
