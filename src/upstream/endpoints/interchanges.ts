/** ECGrid's interchange endpoints: the inbox and outbox lists, one interchange by id, and its manifest (functional groups). */
import { EcgridBadResponseError } from '../errors.js';
import { readInterchange } from '../records/interchange.js';
import { type FunctionalGroupRecord, readFunctionalGroup } from '../records/manifest.js';
import { rowsOf } from '../records/fields.js';
import { isObject } from '../records/values.js';
import type { Direction, InterchangeListQuery, InterchangePage, InterchangeRecord } from '../types.js';
import { listBody } from './bodies.js';
import { objectById, readEndpoint } from './endpoint.js';

const listEndpoint = (direction: Direction) => {
  const route = `/v2/interchanges/${direction}-list`;
  return readEndpoint<InterchangeListQuery, InterchangePage>({
    name: `interchange${direction === 'inbox' ? 'Inbox' : 'Outbox'}List`,
    method: 'POST',
    route,
    path: () => route,
    body: listBody,
    read: (data, query) => readPage(route, data, query),
    cache: 'list',
  });
};

/** POST /v2/interchanges/{inbox,outbox}-list: one page of a mailbox's interchanges, with the total. */
export const interchangeList: Readonly<Record<Direction, ReturnType<typeof listEndpoint>>> = {
  inbox: listEndpoint('inbox'),
  outbox: listEndpoint('outbox'),
};

/** GET /v2/interchanges/{id}: null when absent or not visible to the caller (ECGrid answers 404 to both). */
export const interchangeById = objectById({ name: 'interchangeById', route: '/v2/interchanges/{id}', read: readInterchange, cache: 'interchange' });

/** GET /v2/interchanges/get-manifest/{id}: an interchange's functional groups; null when absent or not visible. */
export const interchangeManifest = readEndpoint<number, readonly FunctionalGroupRecord[] | null>({
  name: 'interchangeManifest',
  method: 'GET',
  route: '/v2/interchanges/get-manifest/{id}',
  path: (interchangeId) => `/v2/interchanges/get-manifest/${interchangeId}`,
  read: (data) => rowsOf(data, '/v2/interchanges/get-manifest/{id}', ['functionalGroups', 'manifest', 'items', 'records']).map(readFunctionalGroup),
  notFound: { value: null },
  cache: 'interchange',
});



function readPage(route: string, data: unknown, query: InterchangeListQuery): InterchangePage {
  if (!isObject(data)) throw new EcgridBadResponseError(`${route}: data is not an object`);
  const { totalRecords, interchanges } = data;
  if (typeof totalRecords !== 'number' || !Number.isSafeInteger(totalRecords) || totalRecords < 0) {
    throw new EcgridBadResponseError(`${route}: data.totalRecords is not a count`);
  }
  if (!Array.isArray(interchanges)) throw new EcgridBadResponseError(`${route}: data.interchanges is not a list`);
  return {
    totalRecords,
    pageNo: typeof data['pageNo'] === 'number' ? data['pageNo'] : query.pageNo,
    recordsPerPage: typeof data['recordsPerPage'] === 'number' ? data['recordsPerPage'] : query.recordsPerPage,
    rows: interchanges.map(readInterchange),
  };
}
