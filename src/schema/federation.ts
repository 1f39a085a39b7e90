/** What the federation plugin adds after Pothos builds the schema (`_entities`), brought under this server's rules. */
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { BadInputError } from '../graphql/errors.js';
import { PER_ITEM_PROMISES } from '../graphql/jit-execution.js';

/**
 * `_entities` is added after Pothos builds the schema, so the upstream-call budget (schema
 * complexity) does not see it. A gateway batches representations, so the bound is on their
 * number: each distinct one may be an ECGrid call.
 */
export const MAX_ENTITY_REPRESENTATIONS = 500;

export function limitEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()['_entities'];
  if (!field) return schema;
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (root, args: { representations?: unknown[] }, context, info) => {
    if ((args.representations?.length ?? 0) > MAX_ENTITY_REPRESENTATIONS) {
      throw new BadInputError(`representations: at most ${MAX_ENTITY_REPRESENTATIONS} per request`, 'representations');
    }
    return resolve(root, args, context, info);
  };
  Object.assign(field.extensions, { [PER_ITEM_PROMISES]: true });
  return schema;
}
