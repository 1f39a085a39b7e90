// EDIFACT interchanges (UNA, UNB, UNH..UNT messages, UNZ) and TRADACOMS transmissions (STX, a header
// message, the messages, a trailer message, END), with control references derived from the interchange id.
import { between, type Build, digits, type EnvelopeInput, memo, type PadUnit, plain, price, stamp, words } from './text.js';

export const edifactPad: PadUnit = { overhead: 12, minText: 1, maxText: 350 };
export const tradacomsPad: PadUnit = { overhead: 6, minText: 1, maxText: 200 };

/** UNB's interchange control reference (and UNZ's), STX's transmission reference (and END's file). */
export const edifactControl = (interchangeId: number): string => String(interchangeId);

const BGM: Readonly<Record<string, string>> = { ORDERS: '220', ORDRSP: '231', DESADV: '351', INVOIC: '380' };

export const edifact = (input: EnvelopeInput): Build => {
  const { from, to, interchangeId: seed, documentType: type, transactionSets: sets } = input;
  const lineOf = memo((i): readonly string[] => {
    const lineNo = Math.floor(i / sets) + 1;
    if (type === 'CONTRL') return [`UCM+${lineNo}+ORDERS:D:96A:UN+7`];
    const qty = between(seed, i, 1, 60);
    return [`LIN+${lineNo}++${digits(seed, i, 13)}:EN`, `QTY+21:${qty}`, `PRI+AAA:${price(between(seed, i + 50_000, 90, 9_000))}`];
  });
  return (details, pads) => {
    const { ymd, hms } = stamp(input.created);
    const control = edifactControl(seed);
    const out = [`UNB+UNOC:3+${from.id}:${from.qualifier}+${to.id}:${to.qualifier}+${ymd.slice(2)}:${hms.slice(0, 4)}+${control}`];
    for (let set = 0; set < sets; set += 1) {
      const ref = String(set + 1);
      const segments = [`UNH+${ref}+${type}:D:96A:UN`];
      if (type === 'CONTRL') segments.push(`UCI+${between(seed, 10, 10_000, 99_999_999)}+${to.id}:${to.qualifier}+${from.id}:${from.qualifier}+7`);
      else {
        segments.push(
          `BGM+${BGM[type] ?? '1'}+${digits(seed, 20 + set, 9)}+9`,
          `DTM+137:${ymd}:102`,
          `NAD+BY+${from.id}::9++${plain(from.description)}`,
          `NAD+SU+${to.id}::9++${plain(to.description)}`,
        );
      }
      let lines = 0;
      for (let i = set; i < details; i += sets) {
        lines += 1;
        segments.push(...lineOf(i));
      }
      if (set === sets - 1) for (const [i, length] of pads.entries()) segments.push(`FTX+AAI+++${words(seed, 9000 + i, length)}`);
      if (type !== 'CONTRL') segments.push('UNS+S', `CNT+2:${lines}`);
      segments.push(`UNT+${segments.length + 1}+${ref}`);
      out.push(...segments);
    }
    out.push(`UNZ+${sets}+${control}`);
    return `UNA:+.? '\n${out.join("'\n")}'\n`;
  };
};

/** A TRADACOMS file type: its header message, its detail message, its trailer message. */
export const TRADACOMS_FILES: Readonly<Record<string, readonly [header: string, message: string, trailer: string]>> = {
  ORDHDR: ['ORDHDR', 'ORDERS', 'ORDTLR'],
  ACKHDR: ['ACKHDR', 'ACKMNT', 'ACKTLR'],
  DLCHDR: ['DLCHDR', 'DELIVR', 'DLCTLR'],
  INVFIL: ['INVFIL', 'INVOIC', 'INVTLR'],
};

export const tradacoms = (input: EnvelopeInput): Build => {
  const { from, to, interchangeId: seed, documentType: type, transactionSets: sets } = input;
  const lineOf = memo(
    (i) => `OLD=${Math.floor(i / sets) + 1}+${digits(seed, i, 13)}+++${between(seed, i, 1, 99)}+${price(between(seed, i + 50_000, 90, 9_000))}`,
  );
  return (details, pads) => {
    const { ymd, hms } = stamp(input.created);
    const [header, message, trailer] = TRADACOMS_FILES[type] ?? [type, type, type];
    const control = edifactControl(seed);
    const out = [
      `STX=ANAA:1+${from.id}:${plain(from.description)}+${to.id}:${plain(to.description)}+${ymd.slice(2)}:${hms}+${control}++${message}`,
    ];
    let messageNo = 0;
    const addMessage = (name: string, body: readonly string[]) => {
      messageNo += 1;
      out.push(`MHD=${messageNo}+${name}:9`, ...body, `MTR=${body.length + 2}`);
    };
    addMessage(header, [`TYP=0430+NEW-${message}`, `SDT=${from.id}+${plain(from.description)}`, `CDT=${to.id}+${plain(to.description)}`, `FIL=1+1+${ymd.slice(2)}`]);
    for (let set = 0; set < sets; set += 1) {
      const body = [`CLO=${between(seed, 30 + set, 1000, 9999)}`, `ORD=${digits(seed, 40 + set, 8)}::${ymd.slice(2)}`];
      let lines = 0;
      for (let i = set; i < details; i += sets) {
        lines += 1;
        body.push(lineOf(i));
      }
      if (set === sets - 1) for (const [i, length] of pads.entries()) body.push(`NAR=${words(seed, 9000 + i, length)}`);
      body.push(`OTR=${lines}`);
      addMessage(message, body);
    }
    addMessage(trailer, [`TOT=${sets}`]);
    out.push(`END=${messageNo}`);
    return `${out.join("'\n")}'\n`;
  };
};
