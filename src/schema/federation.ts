/** What the federation plugin adds after Pothos builds the schema (`_entities`), brought under this server's rules. */
import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema, isUnionType } from 'graphql';
import { BadInputError } from '../graphql/errors.js';
import { PER_ITEM_PROMISES } from '../graphql/jit-execution.js';
import { eachAlone } from './node.js';

/**
 * The hard bound on representations per request, whatever the upstream-call budget allows: a
 * gateway batches them, and each distinct one may be an ECGrid call.
 */
export const MAX_ENTITY_REPRESENTATIONS = 500;

interface EntitiesArgs {
  readonly representations: readonly unknown[];
}

/**
 * `_entities` is added after Pothos builds the schema: here it gets its cost (read by the
 * upstream-call budget), its bound, and representations checked before any lookup starts, each then
 * resolved on its own. The federation library's resolver throws for an unknown `__typename` while
 * lookups of other entries are under way, whose rejections then reach nobody: enough to end the process.
 */
export function limitEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()['_entities'];
  if (!field) return schema;
  const resolve = field.resolve ?? defaultFieldResolver;
  const check = representationChecker(schema);
  field.resolve = (root, args: EntitiesArgs, context, info) => {
    const { representations } = args;
    if (representations.length > MAX_ENTITY_REPRESENTATIONS) {
      throw new BadInputError(`representations: at most ${MAX_ENTITY_REPRESENTATIONS} per request`, 'representations');
    }
    const checked = representations.map(check);
    return eachAlone(
      representations.map((representation, index) => () => {
        const result = checked[index]!;
        if ('problem' in result) throw new BadInputError(`representations[${index}]: ${result.problem}`, 'representations');
        const [entity] = resolve(root, { ...args, representations: [representation] }, context, info) as readonly unknown[];
        return entity;
      }),
    );
  };
  Object.assign(field.extensions, {
    [PER_ITEM_PROMISES]: true,
    // One call per distinct entity (the request's DataLoader dedupes); a refused one makes none.
    complexity: (coerced: EntitiesArgs) => new Set(coerced.representations.map(check).flatMap((c) => ('call' in c ? [c.call] : []))).size,
  });
  return schema;
}

const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/** What is wrong with a representation (never echoing it), or the lookup it asks for: same `call`, same ECGrid call. */
type Checked = { readonly problem: string } | { readonly call: string };

/** A representation must be a plain object whose `__typename` names an entity type of this schema, with the fields of one of its keys. */
function representationChecker(schema: GraphQLSchema): (representation: unknown) => Checked {
  const entityType = schema.getType('_Entity');
  const keysByType = new Map<string, string[][]>();
  for (const type of isUnionType(entityType) ? entityType.getTypes() : []) {
    const keys = keyFieldsOf(type);
    if (keys.length > 0) keysByType.set(type.name, keys);
  }
  const typenames = [...keysByType.keys()].join(', ');

  const problem = (text: string): Checked => ({ problem: text });
  return (representation) => {
    if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) return problem('not an object');
    const prototype: unknown = Object.getPrototypeOf(representation);
    if (prototype !== Object.prototype && prototype !== null) return problem('not a plain object');
    if (RESERVED_KEYS.some((key) => Object.hasOwn(representation, key))) return problem(`no key may be named ${RESERVED_KEYS.join(', ')}`);
    const fields = representation as Record<string, unknown>;
    const typename = Object.hasOwn(fields, '__typename') ? fields['__typename'] : undefined;
    if (typeof typename !== 'string') return problem('__typename must be a string');
    const keys = keysByType.get(typename);
    if (keys === undefined) return problem(`__typename must name an entity type of this subgraph (${typenames})`);
    const present = (name: string) => Object.hasOwn(fields, name) && fields[name] !== null && fields[name] !== undefined;
    const key = keys.find((names) => names.every(present));
    if (key === undefined) return problem(`the key ${keys.map((names) => names.join(' ')).join(' or ')} is missing`);
    // 5 and "5" are one id to the loaders.
    const values = key.map((name) => (typeof fields[name] === 'object' ? JSON.stringify(fields[name]) : String(fields[name])));
    return { call: JSON.stringify([typename, ...values]) };
  };
}

/** The top-level fields of each resolvable `@key` of an entity type (Pothos keeps directives in extensions). */
function keyFieldsOf(type: GraphQLObjectType): string[][] {
  const directives = type.extensions['directives'] as unknown;
  const args: unknown[] = Array.isArray(directives)
    ? directives.filter((d) => (d as { name?: unknown })?.name === 'key').map((d) => (d as { args?: unknown }).args)
    : [(directives as { key?: unknown } | undefined)?.key ?? []].flat();
  return args.flatMap((arg) => {
    const { fields, resolvable } = (arg ?? {}) as { fields?: unknown; resolvable?: unknown };
    return typeof fields === 'string' && resolvable !== false ? [topLevelFields(fields)] : [];
  });
}

/** `id` of "id", `id org` of "id org { id }". */
function topLevelFields(selection: string): string[] {
  let depth = 0;
  const names: string[] = [];
  for (const token of selection.match(/[_A-Za-z]\w*|[{}]/g) ?? []) {
    if (token === '{') depth += 1;
    else if (token === '}') depth -= 1;
    else if (depth === 0) names.push(token);
  }
  return names;
}
