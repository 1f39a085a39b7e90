/**
 * The `nodes(ids:)` root field: each global id decoded and refetched on its own, so a malformed or
 * unknown id is null at its index with its own error, and the list keeps its ids' length and order.
 */
import { PER_ITEM_PROMISES } from '../graphql/jit-execution.js';
import { builder } from './builder.js';
import { eachAlone, loadNode, parseGlobalId } from './node.js';

// Its first call adds Pothos' `node` field; `nodes` is added right after it, where the plugin put its own.
const Node = builder.nodeInterfaceRef();

builder.queryField('nodes', (t) =>
  t.field({
    type: [Node],
    nullable: { list: false, items: true },
    complexity: (args) => args.ids.length,
    // graphql-jit would not keep a failed item at its index (jit-execution.ts).
    extensions: { [PER_ITEM_PROMISES]: true },
    // Plain ids: a globalID argument would be decoded as a whole, and one bad id fail the field.
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, { ids }, context) =>
      eachAlone(
        ids.map((globalId) => () => {
          const { typename, id } = parseGlobalId(String(globalId), 'ids');
          return loadNode(typename, id, context);
        }),
      ),
  }),
);
