import './mailbox-stats.js';
import './interchange.js';
import { builder } from '../builder.js';
import { limitEntities } from './entities-limit.js';

/**
 * The served schema: a Federation v2 subgraph. It answers the usual queries plus `_entities`
 * and `_service { sdl }`; the SDL marks Interchange as an entity and PageInfo as shareable.
 */
export const schema = limitEntities(
  builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable'],
  }),
);
