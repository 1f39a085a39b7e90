/**
 * ECGrid's parcel (file) endpoints that read: the inbox and outbox lists, the pending inbox, one
 * parcel, its manifest and its download. None of them changes a parcel: download never confirms.
 */
import { EcgridBadResponseError } from '../errors.js';
import { readParcelManifestEntry, type ParcelManifestRecord } from '../records/manifest.js';
import { type ParcelFile, type ParcelRecord, readParcel, readParcelFile } from '../records/parcel.js';
import { rowsOf } from '../records/fields.js';
import { isObject } from '../records/values.js';
import type { Direction } from '../types.js';
import { listBody, type ListBodyFields } from './bodies.js';
import { objectById, readEndpoint } from './endpoint.js';

/**
 * Body of POST /v2/parcels/{inbox,outbox}-list: the list fields, `status` a ParcelStatus verbatim
 * (`InBoxReady`, ...). Dates are on `created`, inclusive, sent as UTC with `Z`.
 */
export type ParcelListQuery = ListBodyFields;

/** One page of a parcel list. ECGrid sends no total: a short page is the last one. */
export interface ParcelPage {
  readonly rows: readonly ParcelRecord[];
}

/** Where ECGrid's pages put a list inside `data` when they wrap it. */
const PARCEL_LIST_KEYS = ['parcels', 'items', 'records'];

const listEndpoint = (direction: Direction) => {
  const route = `/v2/parcels/${direction}-list`;
  return readEndpoint<ParcelListQuery, ParcelPage>({
    name: `parcel${direction === 'inbox' ? 'Inbox' : 'Outbox'}List`,
    method: 'POST',
    route,
    path: () => route,
    body: listBody,
    read: (data) => ({ rows: rowsOf(data, route, PARCEL_LIST_KEYS).map(readParcel) }),
    cache: 'list',
  });
};

/** POST /v2/parcels/{inbox,outbox}-list: one page of a mailbox's parcels, without a total. */
export const parcelList: Readonly<Record<Direction, ReturnType<typeof listEndpoint>>> = {
  inbox: listEndpoint('inbox'),
  outbox: listEndpoint('outbox'),
};

/** POST /v2/parcels/pending-inbox-list: the InBoxReady parcels of a mailbox (the caller's own when undefined), unpaged. */
export const pendingParcels = readEndpoint<number | undefined, readonly ParcelRecord[]>({
  name: 'pendingParcels',
  method: 'POST',
  route: '/v2/parcels/pending-inbox-list',
  path: () => '/v2/parcels/pending-inbox-list',
  body: (mailboxId) => (mailboxId === undefined ? {} : { mailboxId }),
  read: (data) => rowsOf(data, '/v2/parcels/pending-inbox-list', PARCEL_LIST_KEYS).map(readParcel),
  cache: 'list',
});

/** GET /v2/parcels/{id}: null when absent or not visible to the caller (ECGrid answers 404 to both). */
export const parcelById = objectById({ name: 'parcelById', route: '/v2/parcels/{id}', read: readParcel, cache: 'interchange' });

/** GET /v2/parcels/manifest/{id}: the interchanges a parcel carried; null when the parcel is absent or not visible. */
export const parcelManifest = readEndpoint<number, readonly ParcelManifestRecord[] | null>({
  name: 'parcelManifest',
  method: 'GET',
  route: '/v2/parcels/manifest/{id}',
  path: (parcelId) => `/v2/parcels/manifest/${parcelId}`,
  read: (data) => rowsOf(data, '/v2/parcels/manifest/{id}', ['interchanges', 'manifest', 'items', 'records']).map(readParcelManifestEntry),
  notFound: { value: null },
  cache: 'interchange',
});

/** What a download asks for: the parcel, and the largest file this server passes on (MAX_CONTENT_BYTES). */
export interface ParcelDownloadInput {
  readonly parcelId: number;
  readonly maxBytes: number;
}

/**
 * POST /v2/parcels/download: a parcel's file, null when absent or not visible. A read: it is
 * idempotent (ECGrid's guides say only confirm marks a parcel delivered; where its status appendix
 * has download set InBoxTransferred (C4), a repeat sets nothing more), and this server never
 * confirms. So a transient failure is retried and identical downloads of one credential in flight
 * share one call. It is never cached: it has no TTL class, whatever the settings.
 * The answer is read up to the base64 of `maxBytes` plus room for the envelope, and no further.
 */
export const parcelDownload = readEndpoint<ParcelDownloadInput, ParcelFile | null>({
  name: 'parcelDownload',
  method: 'POST',
  route: '/v2/parcels/download',
  path: () => '/v2/parcels/download',
  body: ({ parcelId }) => ({ parcelId }),
  read: (data, { maxBytes }) => readParcelFile(data, maxBytes, '/v2/parcels/download'),
  notFound: { value: null },
  maxResponseBytes: ({ maxBytes }) => {
    const base64 = Math.ceil(maxBytes / 3) * 4;
    // A JSON writer may escape `/` as `\/`; the envelope, file name and line breaks fit in 64 KiB.
    return base64 + Math.ceil(base64 / 16) + 65_536;
  },
  cache: undefined,
});


