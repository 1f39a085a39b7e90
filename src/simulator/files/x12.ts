// X12 interchanges: a fixed-width ISA, one GS functional group of ST/SE transaction sets, GE, IEA,
// with control numbers derived from the interchange id so that they match the manifest.
import { between, type Build, digits, type EnvelopeInput, memo, type PadUnit, plain, price, stamp, words } from './text.js';

/** GS01, the functional identifier code, by transaction set. */
export const X12_FUNCTIONAL_ID: Readonly<Record<string, string>> = { '850': 'PO', '855': 'PR', '856': 'SH', '810': 'IN', '997': 'FA' };

export const x12Pad: PadUnit = { overhead: 6, minText: 1, maxText: 264 };

/** ISA13 and IEA02. */
export const x12Control = (interchangeId: number): string => String(interchangeId % 1_000_000_000).padStart(9, '0');
/** GS06 and GE02. */
export const x12Group = (interchangeId: number): string => String((interchangeId % 1_000_000) * 10 + 1);

export const x12 = (input: EnvelopeInput): Build => {
  const { from, to, interchangeId: seed, documentType: type, transactionSets: sets } = input;
  const doc = DOCUMENTS[type] ?? GENERIC;
  // Detail i is line i / sets + 1 of set i % sets.
  const lineOf = memo((i) => doc.line(seed, i, Math.floor(i / sets) + 1));
  return (details, pads) => {
    const { ymd, hms } = stamp(input.created);
    const control = x12Control(seed);
    const group = x12Group(seed);
    const isa = [
      'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10),
      from.qualifier.padEnd(2), from.id.padEnd(15), to.qualifier.padEnd(2), to.id.padEnd(15),
      ymd.slice(2), hms.slice(0, 4), 'U', '00401', control, '0', 'P', '>',
    ].join('*');
    const out = [isa, `GS*${X12_FUNCTIONAL_ID[type] ?? 'ZZ'}*${from.id}*${to.id}*${ymd}*${hms.slice(0, 4)}*${group}*X*004010`];
    for (let set = 0; set < sets; set += 1) {
      const setControl = String(set + 1).padStart(4, '0');
      const segments = [`ST*${type}*${setControl}`, ...doc.head(seed, set, input)];
      let lines = 0;
      let total = 0;
      for (let i = set; i < details; i += sets) {
        lines += 1;
        const line = lineOf(i);
        segments.push(...line.segments);
        total += line.cents;
      }
      if (set === sets - 1) for (const [i, length] of pads.entries()) segments.push(`MSG*${words(seed, 9000 + i, length)}`);
      segments.push(...doc.tail(lines, total));
      segments.push(`SE*${segments.length + 1}*${setControl}`);
      out.push(...segments);
    }
    out.push(`GE*${sets}*${group}`, `IEA*1*${control}`);
    return `${out.join('~\n')}~\n`;
  };
};

interface Line {
  readonly segments: readonly string[];
  readonly cents: number;
}

interface Document {
  head(seed: number, set: number, input: EnvelopeInput): string[];
  line(seed: number, index: number, lineNo: number): Line;
  tail(lines: number, cents: number): string[];
}

const item = (seed: number, i: number) => ({
  qty: between(seed, i, 1, 48),
  cents: between(seed, i + 50_000, 150, 25_000),
  upc: digits(seed, i, 12),
  vendor: `VN${digits(seed, i + 70_000, 6)}`,
});

const po = (seed: number, set: number) => `PO${digits(seed, 100 + set, 8)}`;
const ymdOf = (input: EnvelopeInput) => stamp(input.created).ymd;

const DOCUMENTS: Readonly<Record<string, Document>> = {
  '850': {
    head: (seed, set, input) => [
      `BEG*00*SA*${po(seed, set)}**${ymdOf(input)}`,
      `REF*DP*${between(seed, 200 + set, 100, 899)}`,
      `DTM*002*${stamp(input.created + 7 * 86_400_000).ymd}`,
      `N1*ST*${plain(input.from.description)}*92*${between(seed, 300 + set, 1000, 9999)}`,
    ],
    line: (seed, i, lineNo) => {
      const { qty, cents, upc, vendor } = item(seed, i);
      return { segments: [`PO1*${lineNo}*${qty}*EA*${price(cents)}**UP*${upc}*VN*${vendor}`, `PID*F****${words(seed, i, 24)}`], cents: qty * cents };
    },
    tail: (lines) => [`CTT*${lines}`],
  },
  '855': {
    head: (seed, set, input) => [`BAK*00*AC*${po(seed, set)}*${ymdOf(input)}`, `N1*SU*${plain(input.from.description)}`],
    line: (seed, i, lineNo) => {
      const { qty, cents, upc } = item(seed, i);
      return { segments: [`PO1*${lineNo}*${qty}*EA*${price(cents)}**UP*${upc}`, `ACK*IA*${qty}*EA`], cents: qty * cents };
    },
    tail: (lines) => [`CTT*${lines}`],
  },
  '856': {
    head: (seed, set, input) => [
      `BSN*00*SH${digits(seed, 400 + set, 8)}*${ymdOf(input)}*${stamp(input.created).hms.slice(0, 4)}`,
      'HL*1**S',
      `TD5**2*${['UPSN', 'FDEG', 'ODFL', 'RDWY'][between(seed, 500 + set, 0, 3)]}`,
      `N1*SF*${plain(input.from.description)}`,
    ],
    line: (seed, i, lineNo) => {
      const { qty, upc } = item(seed, i);
      return { segments: [`HL*${lineNo + 1}*1*I`, `LIN**UP*${upc}`, `SN1**${qty}*EA`], cents: 0 };
    },
    tail: (lines) => [`CTT*${lines + 1}`],
  },
  '810': {
    head: (seed, set, input) => [`BIG*${ymdOf(input)}*INV${digits(seed, 600 + set, 7)}**${po(seed, set)}`, `N1*RE*${plain(input.from.description)}`],
    line: (seed, i, lineNo) => {
      const { qty, cents, upc } = item(seed, i);
      return { segments: [`IT1*${lineNo}*${qty}*EA*${price(cents)}**UP*${upc}`], cents: qty * cents };
    },
    tail: (lines, cents) => [`TDS*${cents}`, `CTT*${lines}`],
  },
  '997': {
    head: (seed) => [`AK1*${['PO', 'IN', 'SH', 'PR'][between(seed, 700, 0, 3)]}*${between(seed, 701, 1000, 999_999)}`],
    line: (seed, i, lineNo) => ({ segments: [`AK2*850*${String(lineNo).padStart(4, '0')}`, 'AK5*A'], cents: 0 }),
    tail: (lines) => [`AK9*A*${lines}*${lines}*${lines}`],
  },
};

const GENERIC: Document = {
  head: (seed, set, input) => [`BGN*00*${digits(seed, 800 + set, 10)}*${ymdOf(input)}`],
  line: (seed, i) => ({ segments: [`REF*ZZ*${words(seed, i, 30)}`], cents: 0 }),
  tail: () => [],
};
