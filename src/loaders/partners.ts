/** The per-request loader of trading partners (ECGrid IDs): each distinct partner is asked for once per request. */
import DataLoader from 'dataloader';
import type { EcgridApi } from '../upstream/client.js';
import { tradingPartnerById } from '../upstream/endpoints/partners.js';
import type { PartnerRecord } from '../upstream/records/partner.js';
import { each } from './batch.js';
import type { Limit } from './links.js';

export interface PartnerLoaders {
  readonly tradingPartnerById: DataLoader<number, PartnerRecord | null>;
}

export function partnerLoaders(api: EcgridApi, limit: Limit): PartnerLoaders {
  return {
    tradingPartnerById: new DataLoader(each((ecGridId: number) => limit(() => api.call(tradingPartnerById, ecGridId)))),
  };
}
