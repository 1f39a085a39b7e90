/** InstantStats: parcels of the last minutes, in two windows (POST /v2/reports/instant-stats), for a live tile. */
import { BadInputError } from '../../graphql/errors.js';
import type { InstantStatsRecord } from '../../upstream/records/reports.js';
import { builder } from '../builder.js';
import { exposingChecked } from '../fields/checked.js';

/** A year of minutes: a longer window is not "instant", and ECGrid documents no bound. */
export const MAX_WINDOW_MINUTES = 525_600;

const InstantStats = builder.objectRef<InstantStatsRecord>('InstantStats').implement({
  description: "Parcels (files, in and out) of the caller's mailbox in the last window1Minutes and window2Minutes minutes.",
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      window1Minutes: checked.exposeInt('window1Minutes', { nullable: true }),
      window1Count: checked.expose('window1Count', { type: 'SafeInt', nullable: true }),
      window2Minutes: checked.exposeInt('window2Minutes', { nullable: true }),
      window2Count: checked.expose('window2Count', { type: 'SafeInt', nullable: true }),
    };
  },
});

const windowArg = (name: string, minutes: number) => {
  if (minutes < 1 || minutes > MAX_WINDOW_MINUTES) throw new BadInputError(`${name} must be between 1 and ${MAX_WINDOW_MINUTES} (a year)`, name);
  return minutes;
};

builder.queryField('instantStats', (t) =>
  t.field({
    type: InstantStats,
    complexity: 1,
    description: 'POST /v2/reports/instant-stats: parcels of the last `minutes1` and `minutes2` minutes (each 1 to 525600, a year).',
    args: { minutes1: t.arg.int({ required: true }), minutes2: t.arg.int({ required: true }) },
    resolve: (_root, { minutes1, minutes2 }, context) =>
      context.ecgrid.instantStats.load({ minutes1: windowArg('minutes1', minutes1), minutes2: windowArg('minutes2', minutes2) }),
  }),
);
