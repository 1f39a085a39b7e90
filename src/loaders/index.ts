/**
 * The per-request face of ECGrid: one set of DataLoaders per GraphQL request, over that request's
 * credential-bound API, so identical calls within a request happen once and nothing crosses requests.
 */
import type { EcgridApi } from '../upstream/client.js';
import { type AccountLoaders, accountLoaders } from './account.js';
import { type InterchangeLoaders, interchangeLoaders } from './interchanges.js';
import { type Limit, linkLimit } from './links.js';
import { type ParcelLoaders, parcelLoaders } from './parcels.js';
import { type PartnerLoaders, partnerLoaders } from './partners.js';
import { type ReportLoaders, reportLoaders } from './reports.js';

export { INTERCHANGE_LOOKUP_CONCURRENCY } from './interchanges.js';

export type EcgridLoaders = InterchangeLoaders & ReportLoaders & ParcelLoaders & PartnerLoaders & AccountLoaders;

export interface LoaderOptions {
  /** MAX_CONTENT_BYTES: the largest parcel file a request passes on. */
  readonly maxContentBytes: number;
}

interface Request {
  readonly api: EcgridApi;
  readonly options: LoaderOptions;
  /** One bound for every data-dependent lookup of the request (parcels, partners, manifests, mailboxes). */
  readonly links: () => Limit;
}

/** Each family's loaders, by name (the `satisfies` keeps the list complete), and how the family is made. */
const FAMILIES = [
  family({ interchangePage: 1, interchangeById: 1 } satisfies Record<keyof InterchangeLoaders, 1>, (r) => interchangeLoaders(r.api)),
  family(
    { mailboxStats: 1, mailboxSummary: 1, statusLists: 1, trafficStats: 1, interchangeStats: 1, instantStats: 1 } satisfies Record<keyof ReportLoaders, 1>,
    (r) => reportLoaders(r.api),
  ),
  family(
    { parcelPage: 1, parcelById: 1, pendingParcels: 1, parcelManifest: 1, interchangeManifest: 1, parcelContent: 1 } satisfies Record<keyof ParcelLoaders, 1>,
    (r) => parcelLoaders(r.api, { maxContentBytes: r.options.maxContentBytes, limit: r.links() }),
  ),
  family({ tradingPartnerById: 1 } satisfies Record<keyof PartnerLoaders, 1>, (r) => partnerLoaders(r.api, r.links())),
  family({ me: 1, userById: 1, mailboxById: 1 } satisfies Record<keyof AccountLoaders, 1>, (r) => accountLoaders(r.api, r.links())),
];

function family<Names extends object>(names: Names, make: (request: Request) => unknown) {
  return { names: Object.keys(names), make };
}

/**
 * A family's loaders are made on the first use of any of them: a request pays only for the
 * families it asks for (making all of them for every request cost a measurable share of a
 * small query's time, bench/README.md).
 */
class RequestLoaders implements Request {
  readonly families: unknown[] = [];
  #links: Limit | undefined;
  constructor(
    readonly api: EcgridApi,
    readonly options: LoaderOptions,
  ) {}

  links(): Limit {
    return (this.#links ??= linkLimit());
  }
}

FAMILIES.forEach(({ names, make }, index) => {
  for (const name of names) {
    Object.defineProperty(RequestLoaders.prototype, name, {
      get(this: RequestLoaders) {
        const loaders = (this.families[index] ??= make(this)) as Record<string, unknown>;
        return loaders[name];
      },
    });
  }
});

export function createLoaders(api: EcgridApi, options: LoaderOptions): EcgridLoaders {
  return new RequestLoaders(api, options) as unknown as EcgridLoaders;
}
