/**
 * What a downloaded parcel file is, for its Content-Type, and its name made safe for
 * Content-Disposition (RFC 6266: a quoted ASCII `filename` and an RFC 8187 `filename*`).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

const BY_EXTENSION: Readonly<Record<string, string>> = {
  x12: 'application/edi-x12',
  edifact: 'application/edifact',
  edf: 'application/edifact',
  xml: 'application/xml',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/plain; charset=utf-8',
};

/**
 * The media type of a file: its first bytes first (an X12 interchange starts with `ISA`, EDIFACT
 * with `UNA` or `UNB`, PDF with `%PDF-`, XML with `<`), then its extension (`.edi` says nothing
 * about which EDI), then plain text for valid UTF-8 without NUL bytes, else application/octet-stream.
 */
export function mediaTypeOf(fileName: string | null, content: Buffer): string {
  const head = content.subarray(0, 64).toString('latin1').replace(/^\xEF\xBB\xBF/, '').trimStart();
  if (head.startsWith('%PDF-')) return 'application/pdf';
  if (head.startsWith('ISA')) return 'application/edi-x12';
  if (/^UN[AB]/.test(head)) return 'application/edifact';
  if (/^<[?A-Za-z]/.test(head)) return 'application/xml';
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  const byExtension = extension === undefined ? undefined : BY_EXTENSION[extension];
  if (byExtension !== undefined) return byExtension;
  if (!content.includes(0)) {
    try {
      utf8.decode(content);
      return 'text/plain; charset=utf-8';
    } catch {
      // not text
    }
  }
  return 'application/octet-stream';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `attachment` with the file's own name, never a path: its last segment, without control
 * characters, at most 200 characters; `parcel-<id>` when nothing usable is left.
 */
export function contentDisposition(fileName: string | null, parcelId: number): string {
  const last = (fileName ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = Array.from(last.replace(LONE_SURROGATE, '_').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()).slice(0, 200).join('');
  const name = clean === '' || /^\.+$/.test(clean) ? `parcel-${parcelId}` : clean;
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
