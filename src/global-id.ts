import { BadInputError } from './bad-input-error.js';

/** Relay global ids are base64 of `Interchange:<interchangeId>` (Pothos' default encoding). */
export function decodeInterchangeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = globalId.length <= 64 ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const match = /^Interchange:([1-9]\d{0,15})$/.exec(decoded);
  if (!match || !Number.isSafeInteger(Number(match[1])) || Buffer.from(decoded).toString('base64') !== globalId) {
    throw new BadInputError('id: not an id issued by this server', 'id');
  }
  return { typename: 'Interchange', id: match[1]! };
}
