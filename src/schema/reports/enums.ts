/** The report enums: GraphQL names, ECGrid's spellings as their values (StatisticsPeriod HOUR = "Hour", Direction BOTH = "NoDir"). */
import { builder } from '../builder.js';

export const StatisticsPeriod = builder.enumType('StatisticsPeriod', {
  description: 'The length of a traffic period; periods start on UTC boundaries (weeks on Monday 00:00 UTC, months on the 1st).',
  values: {
    HOUR: { value: 'Hour' },
    DAY: { value: 'Day' },
    WEEK: { value: 'Week' },
    MONTH: { value: 'Month' },
  } as const,
});

export const Direction = builder.enumType('Direction', {
  description: 'Which interchanges a report counts: received, sent, or both (ECGrid: InBox, OutBox, NoDir).',
  values: {
    BOTH: { value: 'NoDir' },
    INBOX: { value: 'InBox' },
    OUTBOX: { value: 'OutBox' },
  } as const,
});
