/** The status-lists reader: the two legends, each entry checked once, where it enters. */
import { EcgridBadResponseError } from '../errors.js';
import type { Checked } from '../types.js';
import { badValue, either, fieldsOf, optionalText } from './fields.js';
import { isObject } from './values.js';

export interface StatusEntryRecord {
  readonly code: Checked<string>;
  readonly description: Checked<string | null>;
}

/** GET /v2/status-lists: a list that is missing or not a list costs only that list. */
export interface StatusListsRecord {
  readonly parcelStatuses: Checked<readonly StatusEntryRecord[]>;
  readonly interchangeStatuses: Checked<readonly StatusEntryRecord[]>;
}

/** C22: REST documents `{code: string, description}`, SOAP's StatusInfo `{Code: short, Qualifier, Message, Level}`. */
function readEntry(row: unknown): StatusEntryRecord {
  const fields = fieldsOf(row);
  const code = either(fields, 'code', 'Code');
  const description = either(fields, 'description', 'Message', 'message');
  const text = optionalText(code.value, code.field);
  return {
    code: text === null ? badValue(code.value, 'code', 'which is required') : text,
    description: optionalText(description.value, description.field),
  };
}

function readList(data: Record<string, unknown>, name: string): Checked<readonly StatusEntryRecord[]> {
  const { value } = either(data, name, name[0]!.toUpperCase() + name.slice(1));
  return Array.isArray(value) ? value.map(readEntry) : badValue(value, name, 'not a list');
}

export function readStatusLists(data: unknown): StatusListsRecord {
  if (!isObject(data)) throw new EcgridBadResponseError('status-lists: data is not an object');
  return { parcelStatuses: readList(data, 'parcelStatuses'), interchangeStatuses: readList(data, 'interchangeStatuses') };
}
