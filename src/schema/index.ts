/**
 * The served schema, a Federation v2 subgraph: each type family adds its types and root fields
 * when imported. It answers the usual queries plus `_entities` and `_service { sdl }`.
 */
import './mailbox/mailbox-stats.js';
import './node-fields.js';
import './interchange/index.js';
import './parcel/index.js';
import './partner/trading-partner.js';
import './mailbox/mailbox.js';
import './account/user.js';
import './reports/index.js';
import { builder } from './builder.js';
import { limitEntities } from './federation.js';

export const schema = limitEntities(
  builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable'],
  }),
);
