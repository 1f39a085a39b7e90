/**
 * The per-request loaders of parcels (files): list pages and the pending inbox, whose rows answer
 * lookups by id before ECGrid is asked; one parcel, its manifest, an interchange's manifest, and
 * a parcel's file (downloaded, never confirmed).
 */
import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { UpstreamPage } from '../pagination/page-plan.js';
import type { EcgridApi } from '../upstream/client.js';
import { requestKey } from '../upstream/endpoints/endpoint.js';
import { interchangeManifest } from '../upstream/endpoints/interchanges.js';
import { parcelById, parcelDownload, parcelList, type ParcelListQuery, parcelManifest, type ParcelPage, pendingParcels } from '../upstream/endpoints/parcels.js';
import { EcgridTooLargeError } from '../upstream/errors.js';
import type { FunctionalGroupRecord, ParcelManifestRecord } from '../upstream/records/manifest.js';
import type { ParcelFile, ParcelRecord } from '../upstream/records/parcel.js';
import type { Direction } from '../upstream/types.js';
import { each } from './batch.js';
import { type Limit, RowsOfThisRequest } from './links.js';

/** One upstream page of a parcel list, its filter pinned (its endDate is the walk's pin). */
export interface ParcelPageRequest {
  readonly direction: Direction;
  readonly filter: Omit<ParcelListQuery, 'pageNo' | 'recordsPerPage'>;
  readonly page: UpstreamPage;
}

/** A parcel's file, at most `maxBytes` (MAX_CONTENT_BYTES); refused before any call when its known size is larger. */
export interface ParcelContentLoader {
  readonly maxBytes: number;
  load(parcelId: number, knownBytes?: number | null): Promise<ParcelFile | null>;
}

export interface ParcelLoaders {
  readonly parcelPage: DataLoader<ParcelPageRequest, ParcelPage, string>;
  readonly parcelById: DataLoader<number, ParcelRecord | null>;
  /** Key: the mailbox, 0 for the caller's own. */
  readonly pendingParcels: DataLoader<number, readonly ParcelRecord[]>;
  readonly parcelManifest: DataLoader<number, readonly ParcelManifestRecord[] | null>;
  readonly interchangeManifest: DataLoader<number, readonly FunctionalGroupRecord[] | null>;
  readonly parcelContent: ParcelContentLoader;
}

export interface ParcelLoaderOptions {
  /** MAX_CONTENT_BYTES: the largest file passed on. */
  readonly maxContentBytes: number;
  /** The request's bound on link lookups (links.ts). */
  readonly limit: Limit;
}

/**
 * Files are large: one request downloads at most this many at once, and passes on at most this
 * many times MAX_CONTENT_BYTES in all, so a page asking every row's content cannot hold hundreds
 * of megabytes.
 */
export const CONTENT_DOWNLOADS_PER_REQUEST = 4;

export function parcelLoaders(api: EcgridApi, { maxContentBytes, limit }: ParcelLoaderOptions): ParcelLoaders {
  const rows = new RowsOfThisRequest<ParcelRecord>((row) => row.parcelId);
  const lookup = <K, V>(call: (key: K) => Promise<V>) => new DataLoader<K, V>(each((key: K) => limit(() => call(key))));

  const byId = new DataLoader<number, ParcelRecord | null>(
    async (ids) => {
      // A lookup next to a list in the same operation usually asks for one of its rows.
      await rows.settled();
      return each((id: number) => {
        const row = rows.rowById(id);
        return row ? Promise.resolve(row) : limit(() => api.call(parcelById, id));
      })(ids);
    },
    // Run after every field of this tick has started its loads, so lists started alongside are known.
    { batchScheduleFn: (callback) => setImmediate(callback) },
  );

  return {
    parcelPage: new DataLoader(
      each((request: ParcelPageRequest) => rows.track(api.call(parcelList[request.direction], listQuery(request)), (page) => page.rows)),
      { cacheKeyFn: pageKey },
    ),
    parcelById: byId,
    pendingParcels: new DataLoader(
      each((mailboxId: number) => rows.track(api.call(pendingParcels, mailboxId === 0 ? undefined : mailboxId), (list) => list)),
    ),
    parcelManifest: lookup((parcelId: number) => api.call(parcelManifest, parcelId)),
    interchangeManifest: lookup((interchangeId: number) => api.call(interchangeManifest, interchangeId)),
    parcelContent: contentLoader(api, maxContentBytes),
  };
}

function contentLoader(api: EcgridApi, maxBytes: number): ParcelContentLoader {
  const maxTotal = maxBytes * CONTENT_DOWNLOADS_PER_REQUEST;
  let passedOn = 0;
  const overTotal = () =>
    new EcgridTooLargeError(`This request has passed on ${passedOn} bytes of files, the most one request may (${CONTENT_DOWNLOADS_PER_REQUEST} x MAX_CONTENT_BYTES)`);
  const download = async (parcelId: number): Promise<ParcelFile | null> => {
    if (passedOn >= maxTotal) throw overTotal();
    const file = await api.call(parcelDownload, { parcelId, maxBytes });
    passedOn += file?.content.length ?? 0;
    if (passedOn > maxTotal) throw overTotal();
    return file;
  };
  const files = new DataLoader<number, ParcelFile | null>(each(download, pLimit(CONTENT_DOWNLOADS_PER_REQUEST)));
  return {
    maxBytes,
    load(parcelId, knownBytes) {
      if (typeof knownBytes === 'number' && knownBytes > maxBytes) {
        return Promise.reject(
          new EcgridTooLargeError(`The file is ${knownBytes} bytes; this server passes on files of at most ${maxBytes} bytes (MAX_CONTENT_BYTES)`),
        );
      }
      return files.load(parcelId);
    },
  };
}

function listQuery({ filter, page }: ParcelPageRequest): ParcelListQuery {
  return { ...filter, pageNo: page.pageNo, recordsPerPage: page.recordsPerPage };
}

/** Two page requests are the same load exactly when ECGrid would receive the same request. */
function pageKey(request: ParcelPageRequest): string {
  return requestKey(parcelList[request.direction], listQuery(request));
}
