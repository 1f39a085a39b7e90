/** The interchange row reader: each field ECGrid sends checked once, where it enters. */
import { EcgridBadValueError } from '../errors.js';
import { EDI_STANDARDS, type EdiStandard, type InterchangeRecord } from '../types.js';
import { badValue, fieldsOf, optionalLongId, optionalText } from './fields.js';
import { describeValue, readId, readUpstreamInstant } from './values.js';

const KNOWN_STANDARDS: ReadonlySet<string> = new Set(EDI_STANDARDS);

// ECGrid spells them as it likes ("Binary"): matched without regard to case.
function knownStandard(text: string): EdiStandard | EcgridBadValueError {
  const standard = text.toUpperCase();
  return KNOWN_STANDARDS.has(standard)
    ? (standard as EdiStandard)
    : new EcgridBadValueError(`ECGrid sent EDI standard ${describeValue(text)}, which this server does not know yet`);
}

/**
 * One interchange row of ECGrid's answer, each field checked once, where it enters. Fields ECGrid
 * does not document are dropped. `row` may be anything: a row that is not an object has every
 * field in error.
 */
export function readInterchange(row: unknown): InterchangeRecord {
  const fields = fieldsOf(row);
  const rawStandard = optionalText(fields['standard'], 'standard');
  return {
    interchangeId: readId(fields['interchangeId']) ?? badValue(fields['interchangeId'], 'interchangeId', 'not an id'),
    parcelId: optionalLongId(fields['parcelId'], 'parcelId'),
    sender: optionalText(fields['sender'], 'sender'),
    receiver: optionalText(fields['receiver'], 'receiver'),
    standard: typeof rawStandard === 'string' ? knownStandard(rawStandard) : rawStandard,
    rawStandard,
    documentType: optionalText(fields['documentType'], 'documentType'),
    status: optionalText(fields['status'], 'status'),
    created: readUpstreamInstant(fields['created']) ?? badValue(fields['created'], 'created', 'not a date-time'),
  };
}
