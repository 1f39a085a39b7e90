/**
 * The per-request loaders of interchanges: list pages, and lookups by id that rows of this
 * request's pages answer before ECGrid is asked.
 */
import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { UpstreamPage } from '../pagination/page-plan.js';
import type { EcgridApi } from '../upstream/client.js';
import { requestKey } from '../upstream/endpoints/endpoint.js';
import { interchangeById, interchangeList } from '../upstream/endpoints/interchanges.js';
import type { Direction, InterchangeListQuery, InterchangePage, InterchangeRecord } from '../upstream/types.js';
import { each } from './batch.js';
import { RowsOfThisRequest } from './links.js';

/** One upstream page of a list, its filter pinned (its endDate is the walk's pin). */
export interface InterchangePageRequest {
  readonly direction: Direction;
  readonly filter: Omit<InterchangeListQuery, 'pageNo' | 'recordsPerPage'>;
  readonly page: UpstreamPage;
}

export interface InterchangeLoaders {
  readonly interchangePage: DataLoader<InterchangePageRequest, InterchangePage, string>;
  readonly interchangeById: DataLoader<number, InterchangeRecord | null>;
}

/**
 * How many single-interchange lookups one request runs at once. A federated `_entities` or a
 * `nodes(ids:)` call can ask for hundreds of ids, and each is its own ECGrid call: the bound keeps
 * one request from taking the whole upstream connection pool (ECGRID_CONNECTIONS) or tripping
 * ECGrid's rate limit in one burst.
 */
export const INTERCHANGE_LOOKUP_CONCURRENCY = 8;

export function interchangeLoaders(api: EcgridApi): InterchangeLoaders {
  // A lookup next to a list usually asks for one of its rows: the list's rows answer it.
  const pages = new RowsOfThisRequest<InterchangeRecord>((row) => row.interchangeId);
  // One bound for the whole request, however many batches its lookups arrive in.
  // Made on the first lookup: most requests make none, and a p-limit costs a share of a small query.
  let limiter: ReturnType<typeof pLimit> | undefined;
  const lookupLimit = <T>(run: () => Promise<T>): Promise<T> => (limiter ??= pLimit(INTERCHANGE_LOOKUP_CONCURRENCY))(run);

  const byId = new DataLoader<number, InterchangeRecord | null>(
    async (ids) => {
      // A lookup next to a list in the same operation usually asks for a row of that list:
      // let the pages already on their way answer it rather than calling ECGrid again.
      await pages.settled();
      return each((id: number) => {
        const row = pages.rowById(id);
        return row ? Promise.resolve(row) : api.call(interchangeById, id);
      }, lookupLimit)(ids);
    },
    // Run after every root field has started its loads, so pages started alongside are known.
    { batchScheduleFn: (callback) => setImmediate(callback) },
  );

  const page = new DataLoader<InterchangePageRequest, InterchangePage, string>(
    each((request) => pages.track(api.call(interchangeList[request.direction], listQuery(request)), (page) => page.rows)),
    { cacheKeyFn: pageKey },
  );

  return { interchangePage: page, interchangeById: byId };
}

function listQuery({ filter, page }: InterchangePageRequest): InterchangeListQuery {
  return { ...filter, pageNo: page.pageNo, recordsPerPage: page.recordsPerPage };
}

/** Two page requests are the same load exactly when ECGrid would receive the same request. */
function pageKey(request: InterchangePageRequest): string {
  return requestKey(interchangeList[request.direction], listQuery(request));
}
