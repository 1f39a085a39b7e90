// The other formats: VDA fixed 128-character records, cXML and PEPPOL (UBL) XML, a PDF invoice copy,
// a pipe-separated inventory text file, and binary label archives.
import { Random } from '../random.js';
import { isoDate } from '../rows.js';
import { between, type Build, digits, type EnvelopeInput, memo, type PadUnit, plain, price, stamp, words } from './text.js';

const RECORD = 128;
export const vdaPad: PadUnit = { overhead: RECORD, minText: 0, maxText: 0 };
export const xmlPad: PadUnit = { overhead: 10, minText: 1, maxText: 200 };
export const linePad: PadUnit = { overhead: 2, minText: 1, maxText: 120 };

/** Record types of a VDA message: transmission header, block header, detail, filler, trailer. */
const VDA_RECORDS: Readonly<Record<string, readonly [string, string, string, string, string]>> = {
  '4905': ['511', '512', '513', '518', '519'],
  '4913': ['711', '712', '714', '718', '719'],
  '4906': ['821', '822', '823', '828', '829'],
};

/** The VDA transmission number (its header's and trailer's). */
export const vdaControl = (interchangeId: number): string => String(interchangeId % 100_000).padStart(5, '0');

const record = (text: string) => text.padEnd(RECORD).slice(0, RECORD);

export const vda = (input: EnvelopeInput): Build => {
  const { from, to, interchangeId: seed, transactionSets: sets } = input;
  const [head, block, detail, filler, trailer] = VDA_RECORDS[input.documentType] ?? VDA_RECORDS['4905']!;
  const lineOf = memo((i) => record(`${detail}01${digits(seed, i, 22)}${String(between(seed, i, 1, 9999)).padStart(9, '0')}`));
  return (details, pads) => {
    const control = vdaControl(seed);
    const out = [record(`${head}01${to.id.padEnd(9).slice(0, 9)}${from.id.padEnd(9).slice(0, 9)}${vdaControl(seed - 1)}${control}${stamp(input.created).ymd.slice(2)}`)];
    for (let set = 0; set < sets; set += 1) {
      out.push(record(`${block}01${digits(seed, 10 + set, 9)}${between(seed, 20 + set, 1000, 9999)}${stamp(input.created).ymd.slice(2)}`));
      for (let i = set; i < details; i += sets) out.push(lineOf(i));
    }
    for (const [i] of pads.entries()) out.push(record(`${filler}01${words(seed, 9000 + i, 60)}`));
    out.push(record(`${trailer}01${String(out.length + 1).padStart(7, '0')}${String(sets).padStart(7, '0')}`));
    return out.join('');
  };
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');

export const xml = (input: EnvelopeInput): Build => {
  const { from, to, interchangeId: seed } = input;
  const peppol = input.standard === 'PEPPOL';
  const lineOf = memo((i) =>
    peppol
      ? `  <cac:InvoiceLine><cbc:ID>${i + 1}</cbc:ID><cbc:InvoicedQuantity unitCode="EA">${between(seed, i, 1, 40)}</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="EUR">${price(between(seed, i + 50_000, 100, 90_000))}</cbc:LineExtensionAmount><cac:Item><cbc:Name>${words(seed, i, 20)}</cbc:Name></cac:Item></cac:InvoiceLine>`
      : `    <ItemOut quantity="${between(seed, i, 1, 40)}" lineNumber="${i + 1}"><ItemID><SupplierPartID>${digits(seed, i, 10)}</SupplierPartID></ItemID></ItemOut>`,
  );
  return (details, pads) => {
    const iso = isoDate(input.created);
    const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const comments = pads.map((length, i) => `<!-- ${words(seed, 9000 + i, length)} -->`);
    if (peppol) {
      out.push(
        '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">',
        '  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>',
        `  <cbc:ID>INV-${digits(seed, 1, 8)}</cbc:ID>`,
        `  <cbc:IssueDate>${iso.slice(0, 10)}</cbc:IssueDate>`,
        `  <cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="0088">${from.id}</cbc:EndpointID><cac:PartyName><cbc:Name>${escapeXml(from.description)}</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>`,
        `  <cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID="0088">${to.id}</cbc:EndpointID><cac:PartyName><cbc:Name>${escapeXml(to.description)}</cbc:Name></cac:PartyName></cac:Party></cac:AccountingCustomerParty>`,
      );
      for (let i = 0; i < details; i += 1) out.push(lineOf(i));
      out.push(...comments, '</Invoice>');
    } else {
      const credential = (party: typeof from) => `<Credential domain="NetworkID"><Identity>${party.id}</Identity></Credential>`;
      out.push(
        `<cXML payloadID="${seed}.${input.created}@${from.code.toLowerCase()}.example" timestamp="${iso}">`,
        `  <Header><From>${credential(from)}</From><To>${credential(to)}</To><Sender>${credential(from)}<UserAgent>ECGrid</UserAgent></Sender></Header>`,
        `  <Request><${input.documentType}>`,
        `    <${input.documentType}Header orderID="PO${digits(seed, 2, 8)}" orderDate="${iso}" type="new"/>`,
      );
      for (let i = 0; i < details; i += 1) out.push(lineOf(i));
      out.push(...comments, `  </${input.documentType}></Request>`, '</cXML>');
    }
    return `${out.join('\n')}\n`;
  };
};

export const pdf = (input: EnvelopeInput): Build => {
  const { from, interchangeId: seed } = input;
  const lineOf = memo((i) => `0 -12 Td (${digits(seed, i, 8)} ${words(seed, i, 24)} ${price(between(seed, i, 100, 90_000))}) Tj`);
  return (details, pads) => {
    const lines = [`BT /F1 10 Tf 72 740 Td (${plain(from.description)} INVOICE ${digits(seed, 1, 8)}) Tj`];
    for (let i = 0; i < details; i += 1) lines.push(lineOf(i));
    lines.push('ET');
    const stream = `${lines.join('\n')}\n`;
    return [
      '%PDF-1.4',
      '%\u00e2\u00e3\u00cf\u00d3',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
      `4 0 obj << /Length ${stream.length} >> stream\n${stream}endstream endobj`,
      '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
      ...pads.map((length, i) => `%${words(seed, 9000 + i, length)}`),
      'trailer << /Size 6 /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n');
  };
};

export const text = (input: EnvelopeInput): Build => {
  const { from, to, interchangeId: seed } = input;
  const lineOf = memo(
    (i) => `${digits(seed, i, 10)}|${words(seed, i, 20)}|WH${between(seed, i, 1, 9)}|${between(seed, i + 1, 0, 5000)}|${between(seed, i + 2, 0, 500)}`,
  );
  return (details, pads) => {
    const { ymd, hms } = stamp(input.created);
    const out = [`${input.documentType}|${from.id}|${to.id}|${ymd}${hms}|${seed}`, 'SKU|DESCRIPTION|WAREHOUSE|ON_HAND|ALLOCATED'];
    for (let i = 0; i < details; i += 1) out.push(lineOf(i));
    out.push(...pads.map((length, i) => `#${words(seed, 9000 + i, length)}`), `TRAILER|${details}`);
    return `${out.join('\n')}\n`;
  };
};

/** A label archive: a ZIP signature, then bytes drawn from the interchange id. */
export function binary(input: EnvelopeInput, bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  Buffer.from('PK\u0003\u0004', 'latin1').copy(out);
  const random = new Random(input.interchangeId);
  for (let i = 4; i < bytes; i += 4) {
    const value = Math.floor(random.next() * 4_294_967_296);
    for (let b = 0; b < 4 && i + b < bytes; b += 1) out[i + b] = (value >>> (8 * b)) & 0xff;
  }
  return out;
}
