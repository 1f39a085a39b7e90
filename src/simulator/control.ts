// The simulator's own HTTP control API under /__sim (state, latency, faults, deliveries, recorded
// calls), for driving a simulator that runs in another process.
import type { Fault, FaultRules } from './faults.js';
import { HttpAnswer } from './http.js';
import type { SimData } from './store.js';

/** What the control API drives: the Simulator, seen through what it needs of it. */
export interface ControlledSimulator {
  latencyMs: number;
  readonly faults: FaultRules;
  readonly callCount: number;
  readonly calls: readonly unknown[];
  resetCalls(): void;
  deliver(mailboxId: number, count: number): unknown;
}

export function control(simulator: ControlledSimulator, data: SimData, method: string, path: string, rawBody: string): HttpAnswer {
  let body: Record<string, unknown> = {};
  try {
    if (rawBody !== '') body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    return new HttpAnswer(400, { error: 'invalid JSON' });
  }
  if (path === '/__sim' && method === 'GET') {
    return new HttpAnswer(200, {
      mailboxes: data.mailboxes.map((m) => ({
        mailboxId: m.mailboxId,
        code: m.code,
        companyName: m.companyName,
        apiKey: m.apiKey,
        bearerToken: m.bearerToken,
        inbox: data.count(m.mailboxId, 'inbox'),
        outbox: data.count(m.mailboxId, 'outbox'),
      })),
      latencyMs: simulator.latencyMs,
      faults: simulator.faults.size,
      callCount: simulator.callCount,
    });
  }
  if (path === '/__sim/latency' && method === 'PUT' && typeof body['ms'] === 'number') {
    simulator.latencyMs = Math.max(0, body['ms']);
    return new HttpAnswer(200, { latencyMs: simulator.latencyMs });
  }
  if (path === '/__sim/faults' && method === 'POST' && typeof body['fault'] === 'object' && body['fault'] !== null) {
    const fault = body['fault'] as Fault;
    if (fault.kind === 'transform') return new HttpAnswer(400, { error: 'transform faults are in-process only' });
    simulator.faults.add({
      fault,
      ...(typeof body['path'] === 'string' ? { path: body['path'] } : {}),
      ...(typeof body['method'] === 'string' ? { method: body['method'] } : {}),
      ...(typeof body['times'] === 'number' ? { times: body['times'] } : {}),
    });
    return new HttpAnswer(201, { faults: simulator.faults.size });
  }
  if (path === '/__sim/faults' && method === 'DELETE') {
    simulator.faults.clear();
    return new HttpAnswer(200, { faults: 0 });
  }
  if (path === '/__sim/deliver' && method === 'POST' && typeof body['mailboxId'] === 'number') {
    const count = typeof body['count'] === 'number' ? body['count'] : 1;
    return new HttpAnswer(201, { delivered: simulator.deliver(body['mailboxId'], count) });
  }
  if (path === '/__sim/calls' && method === 'GET') {
    return new HttpAnswer(200, { callCount: simulator.callCount, calls: simulator.calls.slice(-100) });
  }
  if (path === '/__sim/calls' && method === 'DELETE') {
    simulator.resetCalls();
    return new HttpAnswer(200, { callCount: 0 });
  }
  return new HttpAnswer(404, { error: 'unknown simulator control' });
}
