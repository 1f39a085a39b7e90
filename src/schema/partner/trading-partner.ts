/** TradingPartner: an ECGrid ID (a partner's address on the network) as a Node, the `tradingPartner` root field, and `Parcel.from`/`to`. */
import type { Context } from '../../graphql/context.js';
import { BadInputError } from '../../graphql/errors.js';
import type { Checked } from '../../upstream/types.js';
import type { PartnerRecord } from '../../upstream/records/partner.js';
import { builder } from '../builder.js';
import { checkedOr, exposingChecked, linkById } from '../fields/checked.js';
import { parsePositiveId, registerNode } from '../node.js';
import { Parcel } from '../parcel/parcel.js';

const INT32_MAX = 2_147_483_647;

export const TradingPartner = builder.objectRef<PartnerRecord>('TradingPartner');

/** One ECGrid ID of this request (asked for once however many rows point at it); null when absent or not visible. */
const partnerById = (ecGridId: number, context: Context) => context.ecgrid.tradingPartnerById.load(ecGridId);

const parseEcGridId = (text: string) => {
  const id = parsePositiveId(text);
  return id !== undefined && id <= INT32_MAX ? id : undefined;
};

registerNode({ typename: 'TradingPartner', parseId: parseEcGridId, load: partnerById });

builder.node(TradingPartner, {
  description: 'A trading partner: an ECGrid ID, the network address of one ISA/UNB qualifier and id (GET /v2/ids/{id}).',
  id: { resolve: checkedOr((record: PartnerRecord) => record.ecGridId, 0), parse: Number },
  loadWithoutCache: partnerById,
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      ecGridId: t.field({ type: 'Int', description: 'The ECGrid ID.', resolve: checkedOr((record: PartnerRecord) => record.ecGridId, 0) }),
      mailboxId: checked.exposeInt('mailboxId', { nullable: true, description: 'The mailbox the ID routes to.' }),
      networkId: checked.exposeInt('networkId', { nullable: true }),
      qualifier: checked.exposeString('qualifier', { nullable: true, description: 'The ISA/UNB qualifier, e.g. "01" or "ZZ".' }),
      identifier: checked.exposeString('identifier', {
        nullable: true,
        description: "The ISA/UNB id that goes with `qualifier` (ECGrid's field `id`).",
      }),
      description: checked.exposeString('description', { nullable: true, description: 'The name ECGrid keeps for the partner.' }),
      status: checked.exposeString('status', { nullable: true, description: 'Verbatim, e.g. "Active".' }),
      routingGroup: checked.exposeString('routingGroup', { nullable: true, description: 'e.g. "ProductionA".' }),
      ediStandard: checked.exposeString('ediStandard', { nullable: true, description: 'e.g. "X12".' }),
    };
  },
});

builder.queryField('tradingPartner', (t) =>
  t.field({
    type: TradingPartner,
    nullable: true,
    complexity: 1,
    description: 'GET /v2/ids/{id}: null when the ECGrid ID does not exist or is not visible to the credential.',
    args: { ecGridId: t.arg.int({ required: true }) },
    resolve: (_root, { ecGridId }, context) => {
      if (ecGridId < 1) throw new BadInputError('ecGridId must be a positive id', 'ecGridId');
      return partnerById(ecGridId, context);
    },
  }),
);

/** The partner an id of a row points at: none for an absent or "any" (0) id, no call. */
function partnerOf(id: Checked<number | null>, context: Context) {
  return linkById(id, (ecGridId) => partnerById(ecGridId, context));
}

builder.objectFields(Parcel, (t) => ({
  from: t.field({
    type: TradingPartner,
    nullable: true,
    description: 'The sender (by `ecGridIdFrom`), asked for once per request however many parcels share it; null when not visible.',
    resolve: (parcel, _args, context) => partnerOf(parcel.ecGridIdFrom, context),
  }),
  to: t.field({
    type: TradingPartner,
    nullable: true,
    description: 'The receiver (by `ecGridIdTo`), as `from`.',
    resolve: (parcel, _args, context) => partnerOf(parcel.ecGridIdTo, context),
  }),
}));
