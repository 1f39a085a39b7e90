// Files, built on demand and never kept: each interchange's envelope is exactly its byte count, a parcel's
// file is its interchanges' envelopes one after another. Also the sizes, names and functional groups.
import { binary, linePad, pdf, text, vda, vdaControl, vdaPad, xml, xmlPad } from './documents.js';
import { edifact, edifactControl, edifactPad, TRADACOMS_FILES, tradacoms, tradacomsPad } from './edifact.js';
import { type Build, type EnvelopeInput, fill, minimumLength, type PadUnit, stamp } from './text.js';
import { X12_FUNCTIONAL_ID, x12, x12Group, x12Pad } from './x12.js';

export type { EnvelopeInput } from './text.js';

/** A functional group as GET /v2/interchanges/get-manifest/{id} lists it. */
export interface FunctionalGroup {
  readonly functionalGroup: string;
  readonly transactionSetType: string;
  readonly transactionSetCount: number;
  readonly groupControlNumber: string;
}

const BUILDERS: Readonly<Record<string, readonly [(input: EnvelopeInput) => Build, PadUnit]>> = {
  X12: [x12, x12Pad],
  EDIFACT: [edifact, edifactPad],
  TRADACOMS: [tradacoms, tradacomsPad],
  VDA: [vda, vdaPad],
  XML: [xml, xmlPad],
  PEPPOL: [xml, xmlPad],
  PDF: [pdf, linePad],
  TXT: [text, linePad],
};

const EXTENSIONS: Readonly<Record<string, string>> = {
  X12: 'x12', EDIFACT: 'edi', TRADACOMS: 'tra', VDA: 'vda', XML: 'xml', PEPPOL: 'xml', PDF: 'pdf', TXT: 'txt', BINARY: 'zip',
};

/** Standards whose interchanges a sender batches into one file; the others travel one document a file. */
export const BATCHED_STANDARDS: ReadonlySet<string> = new Set(['X12', 'EDIFACT', 'TRADACOMS', 'VDA']);

/** A drawn size made possible: at least an envelope with a detail line in each transaction set, whole records for VDA. */
export function fitBytes(input: EnvelopeInput, drawn: number): number {
  const bytes = Math.max(drawn, minimumBytes(input));
  return input.standard === 'VDA' ? Math.ceil(bytes / 128) * 128 : bytes;
}

/** Smallest envelopes by kind, measured on a stand-in interchange: a few characters of margin cover the drawn values. */
const minimums = new Map<string, number>();

function minimumBytes(input: EnvelopeInput): number {
  const builder = BUILDERS[input.standard];
  if (builder === undefined) return 64;
  const { standard, documentType, from, to, transactionSets } = input;
  const key = `${standard}|${documentType}|${from.ecGridId}|${to.ecGridId}|${transactionSets}`;
  let minimum = minimums.get(key);
  if (minimum === undefined) {
    const standIn = builder[0]({ ...input, interchangeId: 99_999_999, created: 0 });
    minimum = minimumLength(standIn, transactionSets) + 16 * (transactionSets + 1);
    minimums.set(key, minimum);
  }
  return minimum;
}

/** One interchange's envelope, exactly `bytes` long. */
export function envelope(input: EnvelopeInput, bytes: number): Buffer {
  const builder = BUILDERS[input.standard];
  if (builder === undefined) return binary(input, bytes);
  return Buffer.from(fill(builder[0](input), builder[1], bytes), 'latin1');
}

/** A parcel's file: its interchanges' envelopes in order. */
export const parcelContent = (items: readonly (readonly [EnvelopeInput, number])[]): Buffer =>
  Buffer.concat(items.map(([input, bytes]) => envelope(input, bytes)));

/** e.g. ACME_RETAIL_850_20261103T141502_55500123.x12; BATCH when the file mixes document types. */
export function fileName(senderCode: string, documentTypes: readonly string[], standard: string, created: number, parcelId: number): string {
  const type = new Set(documentTypes).size === 1 ? documentTypes[0]! : 'BATCH';
  const { ymd, hms } = stamp(created);
  return `${senderCode}_${type}_${ymd}T${hms}_${parcelId}.${EXTENSIONS[standard] ?? 'dat'}`;
}

/** The functional groups of an interchange, with the control numbers its envelope carries. */
export function functionalGroups(input: EnvelopeInput): FunctionalGroup[] {
  const { standard, documentType, interchangeId, transactionSets } = input;
  const group = (functionalGroup: string, groupControlNumber: string): FunctionalGroup[] => [
    { functionalGroup, transactionSetType: documentType, transactionSetCount: transactionSets, groupControlNumber },
  ];
  switch (standard) {
    case 'X12':
      return group(X12_FUNCTIONAL_ID[documentType] ?? 'ZZ', x12Group(interchangeId));
    case 'EDIFACT':
      return group(documentType, edifactControl(interchangeId));
    case 'TRADACOMS':
      return group(TRADACOMS_FILES[documentType]?.[1] ?? documentType, edifactControl(interchangeId));
    case 'VDA':
      return group(`VDA${documentType}`, vdaControl(interchangeId));
    default:
      return group(standard, String(interchangeId));
  }
}
