import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';

// bench/openapi/ecgrid.yaml describes the ECGrid endpoints this server calls; the bench generates a
// graph from it (Hive Gateway + GraphQL Mesh), and it is useful on its own.
describe('the OpenAPI document of the ECGrid endpoints we use', () => {
  it('is valid OpenAPI 3 and names every endpoint the client calls, with its method', async () => {
    const api = (await SwaggerParser.validate('bench/openapi/ecgrid.yaml')) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(api.openapi).toMatch(/^3\.0\./);
    const operations = Object.entries(api.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual([
      'GET /v2/auth/version',
      'GET /v2/interchanges/{interchangeId}',
      'GET /v2/reports/mailbox-interchange-stats',
      'POST /v2/interchanges/inbox-list',
      'POST /v2/interchanges/outbox-list',
    ]);
  });
});
