import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';

// bench/openapi/ecgrid.yaml describes the ECGrid endpoints this server calls; the bench generates a
// graph from it (Hive Gateway + GraphQL Mesh), and it is useful on its own.
describe('the OpenAPI document of the ECGrid endpoints we use', () => {
  it('is valid OpenAPI 3 and names every endpoint the bench reads through it, with its method', async () => {
    const api = (await SwaggerParser.validate('bench/openapi/ecgrid.yaml')) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(api.openapi).toMatch(/^3\.0\./);
    const operations = Object.entries(api.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual([
      'GET /v2/auth/version',
      'GET /v2/ids/{ecGridId}',
      'GET /v2/interchanges/{interchangeId}',
      'GET /v2/mailboxes/{mailboxId}',
      'GET /v2/parcels/{parcelId}',
      'GET /v2/reports/mailbox-interchange-stats',
      'GET /v2/reports/mailbox-stats',
      'GET /v2/status-lists',
      'GET /v2/users/me',
      'POST /v2/interchanges/inbox-list',
      'POST /v2/interchanges/outbox-list',
      'POST /v2/reports/instant-stats',
      'POST /v2/reports/interchange-stats',
      'POST /v2/reports/traffic-stats',
    ]);
  });
});
