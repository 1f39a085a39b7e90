/**
 * The parcel (file) readers: list and detail rows checked field by field where they enter, and a
 * download's content decoded. They tolerate the spellings ECGrid's pages disagree on (ENDPOINTS.md §6 C1, C3).
 */
import { EcgridBadResponseError, EcgridTooLargeError } from '../errors.js';
import type { Checked } from '../types.js';
import { badValue, either, fieldsOf, optionalInstant, optionalInt, optionalLongId, optionalText } from './fields.js';
import { isObject, readId } from './values.js';

/** One parcel (ParcelIDInfo), checked field by field: a bad value costs only its own field. */
export interface ParcelRecord {
  readonly parcelId: Checked<number>;
  readonly mailboxId: Checked<number | null>;
  readonly networkId: Checked<number | null>;
  readonly fileName: Checked<string | null>;
  readonly bytes: Checked<number | null>;
  /** Verbatim: ECGrid's status vocabularies disagree (C6), and an unknown one is still a status. */
  readonly status: Checked<string | null>;
  readonly ecGridIdFrom: Checked<number | null>;
  readonly ecGridIdTo: Checked<number | null>;
  /** ISO text of the instant. */
  readonly created: Checked<string | null>;
  readonly modified: Checked<string | null>;
}

/** One parcel row; `row` may be anything (a row that is not an object has its id in error, the rest null). */
export function readParcel(row: unknown): ParcelRecord {
  const fields = fieldsOf(row);
  const from = either(fields, 'ecGridIdFrom', 'fromECGridId');
  const to = either(fields, 'ecGridIdTo', 'toECGridId');
  const bytes = either(fields, 'bytes', 'size');
  const created = either(fields, 'created', 'receivedDate', 'createdOn');
  return {
    parcelId: readId(fields['parcelId']) ?? badValue(fields['parcelId'], 'parcelId', 'not an id'),
    mailboxId: optionalInt(fields['mailboxId'], 'mailboxId'),
    networkId: optionalInt(fields['networkId'], 'networkId'),
    fileName: optionalText(fields['fileName'], 'fileName'),
    bytes: optionalLongId(bytes.value, bytes.field),
    status: optionalText(fields['status'], 'status'),
    ecGridIdFrom: optionalInt(from.value, from.field),
    ecGridIdTo: optionalInt(to.value, to.field),
    created: optionalInstant(created.value, created.field),
    modified: optionalInstant(fields['modified'], 'modified'),
  };
}

/** The file of a parcel as POST /v2/parcels/download sends it, its content decoded. */
export interface ParcelFile {
  readonly parcelId: Checked<number | null>;
  readonly fileName: Checked<string | null>;
  readonly content: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A download's `data`: `{parcelId, fileName, content, bytes}`, or with `size` and
 * `contentEncoding: "Base64"` (C3). The content is the point of the call: without valid base64
 * content the answer is bad as a whole. A file over `maxBytes` is refused before it is decoded.
 */
export function readParcelFile(data: unknown, maxBytes: number, route: string): ParcelFile {
  if (!isObject(data)) throw new EcgridBadResponseError(`${route}: data is not an object`);
  const encoding = data['contentEncoding'];
  if (encoding !== undefined && encoding !== null && !(typeof encoding === 'string' && /^base-?64$/i.test(encoding))) {
    throw new EcgridBadResponseError(`${route}: content is encoded as ${JSON.stringify(encoding).slice(0, 40)}, not base64`);
  }
  const raw = data['content'];
  if (typeof raw !== 'string') throw new EcgridBadResponseError(`${route}: content is not a base64 string`);
  // Some encoders wrap base64 in lines.
  const text = /\s/.test(raw) ? raw.replace(/\s+/g, '') : raw;
  if (!BASE64.test(text) || text.length % 4 === 1) throw new EcgridBadResponseError(`${route}: content is not valid base64`);
  const decodedLength = Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (decodedLength > maxBytes) {
    throw new EcgridTooLargeError(`The file is ${decodedLength} bytes; this server passes on files of at most ${maxBytes} bytes (MAX_CONTENT_BYTES)`);
  }
  return {
    parcelId: optionalLongId(data['parcelId'], 'parcelId'),
    fileName: optionalText(data['fileName'], 'fileName'),
    content: Buffer.from(text, 'base64'),
  };
}
