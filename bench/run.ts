import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closedLoop, closedLoopDrained, fixedRate, post, type Target } from './lib/load.js';
import { histogramCount, histogramDelta, histogramQuantile, readHistogram } from './lib/histogram.js';
import { freePort, pinToCpus, ROOT, type ServerProcess, startServer, type Usage } from './lib/processes.js';
import { difference, distinctLinkRequests, graphQueries, project } from './lib/scenarios.js';
import { fmt, median, spread, table } from './lib/stats.js';

// `npm run bench`: every contender in its own process over one simulator process, measured side
// by side, interleaved, after a warm-up. Only loopback addresses are used.
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '3' },
    // The links and dashboard runs: each also waits for its last answer (bench/lib/load.ts).
    'graph-seconds': { type: 'string', default: '2' },
    soak: { type: 'string', default: '60' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results/latest.md' },
    // Node options for this server's processes (ours, slow, solo); the Dockerfile's by default,
    // "" for Node's own defaults.
    'node-options': { type: 'string' },
    // C without taskset: everything on every core, as before C′ was added.
    'no-pin': { type: 'boolean', default: false },
  },
});
const QUICK = args.quick;
const ROUNDS = QUICK ? 1 : Number(args.rounds);
const SECONDS = QUICK ? 1 : Number(args.seconds);
const GRAPH_SECONDS = QUICK ? 1 : Number(args['graph-seconds']);
const SOAK_SECONDS = QUICK ? 3 : Number(args.soak);
const CONNECTIONS = 32;
const UPSTREAM_LATENCIES = QUICK ? [0] : [0, 5, 50];
const C_ROUNDS = QUICK ? 1 : 4;
const C_SECONDS = QUICK ? 1 : 4;
const WALK_PAGES = 5;
const OVERHEAD = 'ecgrid_graphql_server_overhead_seconds';
// C's split where taskset exists: the measured server on one core, the load generator (this
// process) and the simulator on the other.
const SERVER_CPU = '0';
const LOAD_CPU = '1';
// This server runs as the image runs it: with the Dockerfile's NODE_OPTIONS (its heap cap).
const IMAGE_NODE_OPTIONS = /\bNODE_OPTIONS=(\S+)/.exec(readFileSync(`${ROOT}/Dockerfile`, 'utf8'))?.[1] ?? '';
const NODE_OPTIONS = args['node-options'] ?? IMAGE_NODE_OPTIONS;

type Name = 'ours' | 'slow' | 'solo' | 'yoga' | 'bare' | 'apollo' | 'hive';
const ALL: Name[] = ['ours', 'slow', 'solo', 'yoga', 'bare', 'apollo', 'hive'];
const enabled = new Set<Name>(args.only ? (args.only.split(',') as Name[]) : ALL);
const LABEL: Record<Name, string> = {
  ours: 'ecgrid-graphql (this server)',
  slow: "ecgrid-graphql, fast path off (all through yoga's HTTP layer)",
  solo: 'ecgrid-graphql, coalescing off',
  yoga: 'graphql-yoga alone: one resolver, its defaults, no plugins',
  bare: 'bare node:http + undici (no GraphQL)',
  apollo: 'Apollo Server 5 + RESTDataSource',
  hive: 'Hive Gateway + OpenAPI source (Mesh)',
};

const KEYS = ['demo-key-acme', 'demo-key-globex', 'demo-key-initech'];
const headers = (apiKey = KEYS[0]!) => ({ 'content-type': 'application/json', accept: 'application/json', 'x-api-key': apiKey });
const body = (query: string) => JSON.stringify({ query });

const ROW = 'interchangeId parcelId sender receiver standard documentType status created';
const STATS = '{ mailboxStats { sent received totalBytes period } }';
const PAGE = `{ inbox(first: 20) { totalCount edges { cursor node { ${ROW} } } } }`;
// The dashboard's 7 days end here, the same instant for every contender.
const GRAPH = graphQueries(new Date(Math.floor(Date.now() / 60_000) * 60_000));
/** The same reads in each contender's own schema. */
const QUERIES = {
  stats: {
    ours: STATS,
    slow: STATS,
    solo: STATS,
    yoga: STATS,
    bare: STATS,
    apollo: STATS,
    hive: '{ mailboxInterchangeStats { ... on MailboxInterchangeStatsEnvelope { data { sent received totalBytes period } } } }',
  },
  page: {
    ours: PAGE,
    slow: PAGE,
    apollo: PAGE,
    hive: `{ inboxList(input: { pageNo: 1, recordsPerPage: 20 }) { ... on InterchangePageEnvelope { data { totalRecords interchanges { ${ROW} } } } } }`,
  },
  // Issue 22: 100 interchanges with their parcels and each parcel's sender (links batched per request).
  links: GRAPH.links,
  // Issue 23: one dashboard request of six root fields (seven ECGrid reads).
  dashboard: GRAPH.dashboard,
} satisfies Record<string, Partial<Record<Name, string>>>;
type QueryName = keyof typeof QUERIES;
/** The scenarios whose answer is checked against ours field by field, and whose calls per query are counted alone. */
const GRAPH_SCENARIOS = ['links', 'dashboard'] as const;
type GraphScenario = (typeof GRAPH_SCENARIOS)[number];
const isGraph = (query: QueryName): query is GraphScenario => (GRAPH_SCENARIOS as readonly string[]).includes(query);
// The ≥ 3× targets of D; the dashboard is shown for scale.
const D_TARGETS = new Set<QueryName>(['stats', 'page', 'links']);
const ALONE_QUERIES = QUICK ? 3 : 10;

const started = Date.now();
const ms = (value: number) => (value === Infinity ? '> 100' : fmt(value, 2));
const msSpread = (values: readonly number[]) => (values.length === 0 ? '–' : `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`);
const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`);

const servers: ServerProcess[] = [];
const stopAll = () => Promise.all(servers.map((s) => s.stop()));
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

async function main(): Promise<void> {
  const load0 = loadavg();
  // This server is measured as it runs in production: compiled, without tsx's loader thread.
  log('npm run build');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  // The simulator: its own process, latency adjustable through its control API.
  const simPort = await freePort();
  const sim = await startServer({ name: 'simulator', script: 'src/simulator/main.ts', args: ['--port', String(simPort)], readyPath: '/__sim', port: simPort });
  servers.push(sim);
  const simControl = async (method: string, path: string, payload?: unknown) => {
    const response = await fetch(`${sim.url}/__sim${path}`, { method, headers: { 'content-type': 'application/json' }, body: payload === undefined ? undefined : JSON.stringify(payload) });
    return (await response.json()) as Record<string, unknown>;
  };
  const setLatency = (ms: number) => simControl('PUT', '/latency', { ms });
  const callCount = async () => Number((await simControl('GET', ''))['callCount']);
  // Requests a load run left in flight may still reach the simulator: wait for it to be quiet.
  const quiet = async () => {
    for (let last = await callCount(); ; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await callCount();
      if (now === last) return;
      last = now;
    }
  };

  const env = { ECGRID_BASE_URL: sim.url };
  const ourNodeOptions: Record<string, string> = { NODE_OPTIONS };
  log('starting the contenders');
  const contenders = new Map<Name, ServerProcess>();
  const specs: Record<Name, { script: string; readyPath: string; env?: Record<string, string> }> = {
    ours: { script: 'dist/main.js', readyPath: '/health', env: { LOG_LEVEL: 'warn', GRAPHIQL: 'false', ...ourNodeOptions } },
    slow: { script: 'dist/main.js', readyPath: '/health', env: { LOG_LEVEL: 'warn', GRAPHIQL: 'false', GRAPHQL_FAST_PATH: 'false', ...ourNodeOptions } },
    solo: { script: 'dist/main.js', readyPath: '/health', env: { LOG_LEVEL: 'warn', GRAPHIQL: 'false', ECGRID_COALESCE: 'false', ...ourNodeOptions } },
    yoga: { script: 'bench/peers/yoga-minimal.ts', readyPath: '/health' },
    bare: { script: 'bench/peers/bare-rest.ts', readyPath: '/' },
    apollo: { script: 'bench/peers/apollo-rest.ts', readyPath: '/' },
    hive: { script: 'bench/peers/hive-gateway.ts', readyPath: '/graphql' },
  };
  await Promise.all(
    ALL.filter((name) => enabled.has(name)).map(async (name) => {
      const spec = specs[name];
      const server = await startServer({ name, script: spec.script, readyPath: spec.readyPath, env: { ...env, ...spec.env }, exposeGc: true });
      servers.push(server);
      contenders.set(name, server);
    }),
  );
  const graphql = (name: Name) => `${contenders.get(name)!.url}${name === 'bare' ? '/' : '/graphql'}`;
  if (!contenders.has('ours')) throw new Error('--only must include ours');

  // Every contender must answer every query correctly before it is measured; for the graph
  // scenarios, the same data as ours, and this first (cold) answer's ECGrid calls are counted
  // at the latency B′ counts them at.
  await setLatency(20);
  const pairs: { name: Name; query: QueryName }[] = [];
  const coldCalls = new Map<string, number>();
  const expected = new Map<GraphScenario, unknown>();
  for (const query of Object.keys(QUERIES) as QueryName[]) {
    for (const name of ALL) {
      const text = (QUERIES[query] as Partial<Record<Name, string>>)[name];
      if (text === undefined || !contenders.has(name)) continue;
      if (isGraph(query)) await quiet();
      const calls0 = await callCount();
      const data = await post(graphql(name), headers(), body(text));
      if (JSON.stringify(data).length < 40) throw new Error(`${name} ${query}: suspiciously small answer ${JSON.stringify(data)}`);
      if (isGraph(query)) {
        coldCalls.set(`${name}/${query}`, (await callCount()) - calls0);
        const projected = project(query, name as 'ours' | 'solo' | 'apollo' | 'hive', data);
        if (!expected.has(query)) expected.set(query, projected);
        const diff = difference(expected.get(query), projected);
        if (diff) throw new Error(`${name} ${query}: not the data ours answered: ${diff}`);
      }
      pairs.push({ name, query });
    }
  }
  await setLatency(0);
  const target = (name: Name, query: QueryName, apiKey?: string): Target => ({
    url: graphql(name),
    headers: headers(apiKey),
    bodies: [body((QUERIES[query] as Partial<Record<Name, string>>)[name]!)],
  });

  log(`warm-up: ${pairs.length} contender/query pairs`);
  // The graph scenarios' requests take up to seconds under load: their loop waits for every answer.
  const loadFor = (query: QueryName) => (isGraph(query) ? closedLoopDrained : closedLoop);
  for (const { name, query } of pairs) await loadFor(query)(target(name, query), { connections: CONNECTIONS, seconds: QUICK || isGraph(query) ? 1 : 3 });

  // A + D: throughput, interleaved rounds; the order rotates every round.
  interface Sample { rps: number; cpuPerRequest: number; callsPerRequest: number; failures: number }
  const samples = new Map<string, Sample[]>();
  for (let round = 0; round < ROUNDS; round += 1) {
    log(`throughput round ${round + 1}/${ROUNDS}`);
    const order = pairs.map((_, i) => pairs[(i + round) % pairs.length]!);
    for (const { name, query } of order) {
      const server = contenders.get(name)!;
      const [before, calls0] = await Promise.all([server.usage(), callCount()]);
      const t0 = performance.now();
      const result = await loadFor(query)(target(name, query), { connections: CONNECTIONS, seconds: isGraph(query) ? GRAPH_SECONDS : SECONDS });
      const [after, calls1] = await Promise.all([server.usage(), callCount()]);
      if (isGraph(query)) log(`  ${name} ${query}: ${fmt(result.rps)} req/s, ${result.failures} failed, ${((performance.now() - t0) / 1000).toFixed(1)} s with the drain`);
      const key = `${name}/${query}`;
      const list = samples.get(key) ?? [];
      list.push({
        rps: result.rps,
        cpuPerRequest: (after.cpuMicros - before.cpuMicros) / Math.max(1, result.requests),
        callsPerRequest: (calls1 - calls0) / Math.max(1, result.requests),
        failures: result.failures,
      });
      samples.set(key, list);
    }
  }
  const series = (name: Name, query: QueryName, field: keyof Sample) => (samples.get(`${name}/${query}`) ?? []).map((s) => s[field]);
  const ratioSeries = (a: Name, b: Name, query: QueryName) => {
    const x = series(a, query, 'rps');
    const y = series(b, query, 'rps');
    return x.map((value, i) => value / (y[i] ?? Number.NaN));
  };

  // B: upstream calls per query.
  log('upstream calls per query');
  const ids = (
    (await post(graphql('ours'), headers(), body('{ inbox(first: 5) { edges { node { interchangeId } } } }'))) as {
      inbox: { edges: { node: { interchangeId: number } }[] };
    }
  ).inbox.edges.map((e) => e.node.interchangeId);
  const aliases = (name: Name, list: number[]) =>
    `{ ${list
      .map((id, i) =>
        name === 'hive'
          ? `a${i}: interchange(interchangeId: ${id}) { ... on InterchangeEnvelope { data { interchangeId sender } } }`
          : `a${i}: interchange(interchangeId: ${id}) { interchangeId sender }`,
      )
      .join(' ')} }`;
  await quiet();
  const countCalls = async (work: () => Promise<unknown>) => {
    const before = await callCount();
    await work();
    return (await callCount()) - before;
  };
  const walk = async (name: Name) => {
    let after: string | null = null;
    for (let page = 1; page <= WALK_PAGES; page += 1) {
      if (name === 'hive') {
        await post(graphql(name), headers(), body(`{ inboxList(input: { pageNo: ${page}, recordsPerPage: 100 }) { ... on InterchangePageEnvelope { data { interchanges { interchangeId } } } } }`));
        continue;
      }
      const data = (await post(graphql(name), headers(), body(`{ inbox(first: 100${after ? `, after: "${after}"` : ''}) { edges { cursor node { interchangeId } } } }`))) as {
        inbox: { edges: { cursor: string }[] };
      };
      after = data.inbox.edges.at(-1)!.cursor;
    }
  };
  await setLatency(20);
  const bRows: string[][] = [];
  const bExpected = { identical: 1, different: 5, walk: WALK_PAGES, concurrent: 1 };
  const bResults = new Map<Name, Record<keyof typeof bExpected, number>>();
  for (const name of (['ours', 'apollo', 'hive'] as Name[]).filter((n) => contenders.has(n))) {
    const result = {
      identical: await countCalls(() => post(graphql(name), headers(), body(aliases(name, Array(5).fill(ids[0]!))))),
      different: await countCalls(() => post(graphql(name), headers(), body(aliases(name, ids.slice(0, 5))))),
      walk: await countCalls(() => walk(name)),
      concurrent: await countCalls(() => Promise.all(Array.from({ length: 50 }, () => post(graphql(name), headers(), body(QUERIES.stats[name]!))))),
    };
    bResults.set(name, result);
    bRows.push([LABEL[name], String(result.identical), String(result.different), String(result.walk), String(result.concurrent)]);
  }
  bRows.push(['distinct upstream requests', '1', '5', String(WALK_PAGES), '1']);

  // B′: ECGrid calls per query of the graph scenarios, each query sent alone (one after another,
  // nothing else in flight), the call count's delta divided by their number. Answers are checked
  // again: one with errors is counted as failed, not measured as an answer.
  const aloneCalls = new Map<string, { perQuery: number; failed: number }>();
  for (const query of GRAPH_SCENARIOS) {
    for (const name of ALL.filter((n) => contenders.has(n) && (QUERIES[query] as Partial<Record<Name, string>>)[n] !== undefined)) {
      await quiet();
      let failed = 0;
      const calls = await countCalls(async () => {
        for (let i = 0; i < ALONE_QUERIES; i += 1) {
          await post(graphql(name), headers(), body((QUERIES[query] as Partial<Record<Name, string>>)[name]!)).catch((error: unknown) => {
            failed += 1;
            log(`${name} ${query}: ${error instanceof Error ? error.message : String(error)}`);
          });
        }
      });
      aloneCalls.set(`${name}/${query}`, { perQuery: calls / ALONE_QUERIES, failed });
    }
  }

  // C: latency the GraphQL layer adds over the bare handler, at a fixed rate of half the layer's
  // maximum, for several upstream latencies. "solo" (coalescing off) makes one upstream call per
  // request like the bare handler, so the difference is the layer's own cost; the default server
  // (coalescing on) is shown beside it. Each server's share of a core during its runs is shown
  // too: at one rate, a tail grows with how busy the server is (bench/README.md, "C").
  // C′: this server's own time per request (its response time minus its ECGrid waits), from the
  // delta of its own histogram over each round; the same rounds, so at half of the layer's max.
  const cRows: string[][] = [];
  const cAdded: number[] = [];
  const cOverheadRows: string[][] = [];
  const cOverheadP99: number[] = [];
  const layer: Name = contenders.has('solo') ? 'solo' : 'ours';
  const cNames = [...new Set<Name>([layer, 'bare', 'ours'])];
  const everyCpu = `0-${cpus().length - 1}`;
  const pinAll = (load: string, server: string) =>
    [pinToCpus(process.pid, load), sim.pin(load), ...cNames.map((name) => contenders.get(name)!.pin(server))].every(Boolean);
  let pinned = false;
  if (contenders.has('bare') && !args['no-pin'] && cpus().length >= 2) {
    pinned = pinAll(LOAD_CPU, SERVER_CPU);
    if (!pinned) {
      pinAll(everyCpu, everyCpu);
      log('taskset unavailable: C runs unpinned');
    }
  }
  if (contenders.has('bare')) {
    for (const latency of UPSTREAM_LATENCIES) {
      await setLatency(latency);
      log(`added latency, upstream ${latency} ms`);
      const connections = latency >= 50 ? 128 : CONNECTIONS;
      const maxRuns = [];
      for (let i = 0; i < (QUICK ? 1 : 2); i += 1) maxRuns.push((await closedLoop(target(layer, 'stats'), { connections, seconds: QUICK ? 1 : 3 })).rps);
      const max = median(maxRuns);
      const rate = Math.max(10, Math.floor(max / 2));
      // The open-loop client's own code and connections warm up first: its pauses count as latency.
      for (const name of cNames) await fixedRate(target(name, 'stats'), { rate, seconds: QUICK ? 0.5 : 1.5 });
      const runs = new Map<Name, { p50: number; p99: number; busy: number }[]>(cNames.map((n) => [n, []]));
      const own = new Map<Name, { p50: number; p99: number; counted: number; sent: number }[]>();
      for (let round = 0; round < C_ROUNDS; round += 1) {
        for (const name of cNames.map((_, i) => cNames[(i + round) % cNames.length]!)) {
          const server = contenders.get(name)!;
          const mine = name !== 'bare';
          const histogram0 = mine ? await readHistogram(server.url, OVERHEAD) : undefined;
          const before = await server.usage();
          const t0 = performance.now();
          const result = await fixedRate(target(name, 'stats'), { rate, seconds: C_SECONDS });
          const busy = ((await server.usage()).cpuMicros - before.cpuMicros) / 1000 / (performance.now() - t0);
          if (result.failures > 0) log(`${name}: ${result.failures} failures at ${rate} rps`);
          runs.get(name)!.push({ ...result, busy });
          if (histogram0) {
            const delta = histogramDelta(histogram0, await readHistogram(server.url, OVERHEAD));
            const list = own.get(name) ?? [];
            list.push({ p50: histogramQuantile(delta, 0.5) * 1000, p99: histogramQuantile(delta, 0.99) * 1000, counted: histogramCount(delta), sent: result.sent });
            own.set(name, list);
          }
        }
      }
      const [mine, bare, ours] = [runs.get(layer)!, runs.get('bare')!, runs.get('ours')!];
      const added = (p: 'p50' | 'p99') => mine.map((o, i) => o[p] - bare[i]![p]);
      const pair = (list: { p50: number; p99: number }[]) => `${fmt(median(list.map((o) => o.p50)), 2)} / ${fmt(median(list.map((o) => o.p99)), 2)}`;
      const busy = (list: { busy: number }[]) => fmt(median(list.map((o) => o.busy)), 2);
      cAdded.push(median(added('p99')));
      cRows.push([`${latency} ms`, `${fmt(max)} → ${fmt(rate)}`, pair(mine), pair(bare), spread(added('p50'), 2), spread(added('p99'), 2), `${busy(mine)} / ${busy(bare)}`, pair(ours)]);
      for (const [name, list] of own) {
        if (name === layer) cOverheadP99.push(median(list.map((o) => o.p99)));
        cOverheadRows.push([
          `${latency} ms`,
          name === 'solo' ? 'coalescing off' : name === layer ? 'default (coalescing on)' : "default (coalescing on), at the layer's rate",
          fmt(rate),
          msSpread(list.map((o) => o.p50)),
          msSpread(list.map((o) => o.p99)),
          `${fmt(list.reduce((a, o) => a + o.counted, 0))} / ${fmt(list.reduce((a, o) => a + o.sent, 0))}`,
        ]);
      }
    }
  }
  if (pinned) pinAll(everyCpu, everyCpu);

  // E: memory over a sustained mixed run (several credentials and queries), heap after GC, on a
  // fresh process run as the image runs it; then a shorter one with Node's default options beside it.
  await setLatency(5);
  // The earlier phases (128 connections at 50 ms) leave a larger heap behind; E measures a
  // sustained run from its start, and the peak of the process so far is reported beside it.
  const earlierPeakRss = (await contenders.get('ours')!.usage()).maxRss;
  await contenders.get('ours')!.stop();
  const mixedQueries = [QUERIES.stats.ours, QUERIES.page.ours, aliases('ours', ids.slice(0, 3)), `{ outbox(first: 50) { totalCount edges { node { ${ROW} } } } }`];
  const mixedRequests = KEYS.flatMap((apiKey) => mixedQueries.map((query) => ({ method: 'POST', headers: headers(apiKey), body: body(query) })));
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const soak = async (nodeOptions: string, seconds: number) => {
    log(`memory: ${seconds} s sustained run on a fresh process, NODE_OPTIONS="${nodeOptions}"`);
    const server = await startServer({
      name: 'ours',
      script: specs.ours.script,
      readyPath: specs.ours.readyPath,
      env: { ...env, ...specs.ours.env, NODE_OPTIONS: nodeOptions },
      exposeGc: true,
    });
    servers.push(server);
    const url = `${server.url}/graphql`;
    await closedLoop({ url, headers: headers(), bodies: [body(QUERIES.page.ours)] }, { connections: CONNECTIONS, seconds: QUICK ? 1 : 3 });
    const memory: Usage[] = [await server.usage(true)];
    const run = (await import('autocannon')).default({
      url,
      method: 'POST',
      headers: headers(),
      requests: mixedRequests,
      connections: CONNECTIONS,
      duration: seconds,
      timeout: 20,
    });
    const sampler = setInterval(() => void server.usage(true).then((u) => memory.push(u)), Math.max(1000, (seconds * 1000) / 12));
    const result = await run;
    clearInterval(sampler);
    memory.push(await server.usage(true));
    await server.stop();
    const third = Math.max(1, Math.floor(memory.length / 3));
    return {
      nodeOptions,
      seconds,
      requests: result['2xx'],
      samples: memory.length,
      rss: { start: mb(memory[0]!.rss), max: Math.max(...memory.map((m) => mb(m.rss))), end: mb(memory.at(-1)!.rss) },
      heapEarly: median(memory.slice(1, 1 + third).map((m) => mb(m.heapUsed))),
      heapLate: median(memory.slice(-third).map((m) => mb(m.heapUsed))),
      reserved: Math.max(...memory.map((m) => mb(m.heapTotal))),
      external: Math.max(...memory.map((m) => mb(m.external))),
    };
  };
  const soaks = [await soak(NODE_OPTIONS, SOAK_SECONDS)];
  if (NODE_OPTIONS !== '') soaks.push(await soak('', Math.ceil(SOAK_SECONDS / 2)));
  const shipped = soaks[0]!;

  const load1 = loadavg();
  await stopAll();

  // The report.
  const has = (name: Name) => contenders.has(name);
  const aRatio = has('bare') ? ratioSeries('ours', 'bare', 'stats') : [];
  const throughputRows: string[][] = [];
  for (const query of Object.keys(QUERIES) as QueryName[]) {
    for (const name of ALL) {
      if (!samples.has(`${name}/${query}`)) continue;
      throughputRows.push([
        query,
        LABEL[name],
        spread(series(name, query, 'rps')),
        name === 'ours' ? '1.00' : spread(ratioSeries('ours', name, query), 2),
        spread(series(name, query, 'cpuPerRequest')),
        fmt(median(series(name, query, 'callsPerRequest')), 2),
        String(series(name, query, 'failures').reduce((a, b) => a + b, 0)),
      ]);
    }
  }
  const dRatios = (['apollo', 'hive'] as Name[]).filter(has).flatMap((peer) =>
    (Object.keys(QUERIES) as QueryName[]).filter((q) => samples.has(`${peer}/${q}`)).map((q) => ({ peer, q, ratio: median(ratioSeries('ours', peer, q)) })),
  );
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  const callsRows: string[][] = ALL.filter((name) => GRAPH_SCENARIOS.some((q) => aloneCalls.has(`${name}/${q}`))).map((name) => [
    LABEL[name],
    ...GRAPH_SCENARIOS.flatMap((q) => {
      const alone = aloneCalls.get(`${name}/${q}`);
      if (!alone) return ['–', '–', '–'];
      return [
        String(coldCalls.get(`${name}/${q}`) ?? '–'),
        `${fmt(alone.perQuery, 1)}${alone.failed ? ` (${alone.failed} failed)` : ''}`,
        fmt(median(series(name, q, 'callsPerRequest')), 2),
      ];
    }),
  ]);
  const linksNeeded = expected.has('links') ? String(distinctLinkRequests(expected.get('links'))) : '–';
  callsRows.push(['distinct ECGrid requests the answer needs', linksNeeded, linksNeeded, '', '7', '7', '']);
  const oursB = bResults.get('ours');
  const targets = [
    has('bare') ? [`A: throughput ours/bare ≥ 0.90 (mailboxStats)`, fmt(median(aRatio), 2), check(median(aRatio) >= 0.9)] : undefined,
    has('bare') && has('solo')
      ? ['A′: the same with coalescing off (one upstream call per request, like bare)', fmt(median(ratioSeries('solo', 'bare', 'stats')), 2), check(median(ratioSeries('solo', 'bare', 'stats')) >= 0.9)]
      : undefined,
    has('bare') && has('slow')
      ? ["A, the fast path's part: the same with the fast path off (GRAPHQL_FAST_PATH=false) ÷ bare", fmt(median(ratioSeries('slow', 'bare', 'stats')), 2), '']
      : undefined,
    has('bare') && has('yoga')
      ? ['A, for scale: graphql-yoga alone (one resolver, its defaults, no plugins) ÷ bare', fmt(median(ratioSeries('yoga', 'bare', 'stats')), 2), '']
      : undefined,
    has('yoga') ? ['A, for scale: ours ÷ graphql-yoga alone', fmt(median(ratioSeries('ours', 'yoga', 'stats')), 2), ''] : undefined,
    oursB ? ['B: calls = distinct upstream requests; 50 concurrent identical ≤ 2', `${oursB.identical}, ${oursB.different}, ${oursB.walk}, ${oursB.concurrent}`, check(oursB.identical === 1 && oursB.different === 5 && oursB.walk === WALK_PAGES && oursB.concurrent <= 2)] : undefined,
    cAdded.length ? ['C: added p99 ≤ 2 ms at half of max rate', cAdded.map((v) => fmt(v, 2)).join(' / ') + ' ms', check(cAdded.every((v) => v <= 2))] : undefined,
    cOverheadP99.length
      ? [
          `C′: server overhead p99 ≤ 2 ms at half of max (upstream ${UPSTREAM_LATENCIES.join(' / ')} ms)`,
          `${cOverheadP99.map(ms).join(' / ')} ms (${layer === 'solo' ? 'coalescing off' : 'default server'}${pinned ? ', pinned' : ', not pinned'})`,
          check(cOverheadP99.every((v) => v <= 2)),
        ]
      : undefined,
    ...dRatios.map(({ peer, q, ratio }) =>
      D_TARGETS.has(q) ? [`D: ≥ 3× ${LABEL[peer]} (${q})`, `${fmt(ratio, 2)}×`, check(ratio >= 3)] : [`D, for scale: ours ÷ ${LABEL[peer]} (${q})`, `${fmt(ratio, 2)}×`, ''],
    ),
    [
      'E: RSS ≤ 150 MB; no heap growth',
      `RSS max ${fmt(shipped.rss.max)} MB; heap after GC ${fmt(shipped.heapEarly, 1)} → ${fmt(shipped.heapLate, 1)} MB`,
      check(shipped.rss.max <= 150 && shipped.heapLate <= shipped.heapEarly * 1.1 + 2),
    ],
  ].filter((row): row is string[] => row !== undefined);

  const report = [
    `# Benchmark results`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · load average ${load0.map((v) => v.toFixed(1)).join(' ')} at start, ${load1.map((v) => v.toFixed(1)).join(' ')} at end · ` +
      `${ROUNDS} interleaved rounds of ${SECONDS} s per contender and query (${GRAPH_SECONDS} s for links and dashboard, then every answer in flight awaited), ${CONNECTIONS} connections, after a warm-up · simulator upstream latency 0 ms unless said · every process on this machine, loopback only` +
      (NODE_OPTIONS === ''
        ? ' · this server run with default Node options.'
        : ` · this server run with NODE_OPTIONS="${NODE_OPTIONS}"${NODE_OPTIONS === IMAGE_NODE_OPTIONS ? " (the Dockerfile's)" : ''}.`),
    '',
    `## Targets`,
    '',
    table(['target', 'measured', ''], targets),
    '',
    `## A + D: throughput (requests/s), median (min–max) of ${ROUNDS} rounds`,
    '',
    'CPU is the server process\'s own user+system time per request (µs); upstream calls are counted by the simulator.',
    '',
    table(['query', 'server', 'req/s', 'ours ÷ this', 'CPU µs/req', 'upstream calls/req', 'failed'], throughputRows),
    '',
    `## B: upstream calls for one query (simulator latency 20 ms)`,
    '',
    table(['server', '5 identical aliases', '5 different aliases', `${WALK_PAGES}-page walk (100/page)`, '50 concurrent identical (one credential)'], bRows),
    '',
    `### B′: ECGrid calls per query, links and dashboard`,
    '',
    `"First": the first such query each server answered (before any load; every reference cache cold; simulator latency 20 ms). "Alone": ${ALONE_QUERIES} queries one after another with nothing else in flight (simulator latency 20 ms), the simulator's call count over them ÷ ${ALONE_QUERIES}. "Under load": A + D's runs (${CONNECTIONS} connections of one credential, identical queries), the median over the rounds of the calls ÷ the requests answered. The links answer's senders are told apart by their description.`,
    '',
    table(['server', 'links: first', 'links: alone', 'links: under load', 'dashboard: first', 'dashboard: alone', 'dashboard: under load'], callsRows),
    '',
    `## C: latency added over the bare handler, at a fixed rate of half our maximum (ms)`,
    '',
    `Medians of ${C_ROUNDS} rounds (min–max for the added latency), each a ${C_SECONDS} s run of every server in turn at the same rate, after a warm-up of the open-loop client. The share of a core is the server process's CPU time over the run's wall time. ` +
      (pinned
        ? `Pinned with taskset: the servers on CPU ${SERVER_CPU}, the load generator (the bench process) and the simulator on CPU ${LOAD_CPU}, for the maximum and the fixed-rate runs alike.`
        : 'Not pinned: every process on every core.'),
    '',
    table(
      ['upstream latency', 'max → fixed rate (req/s)', `${layer === 'solo' ? 'coalescing off' : 'default (coalescing on)'} p50 / p99`, 'bare p50 / p99', 'added p50', 'added p99', `share of a core: ${layer === 'solo' ? 'coalescing off' : 'default'} / bare`, 'default (coalescing on) p50 / p99'],
      cRows,
    ),
    '',
    `### C′: the server's own time per request (ms), from its \`${OVERHEAD}\` histogram`,
    '',
    `Its response time minus the time during which at least one of its ECGrid calls was in flight, read from the delta of its /metrics over each of C's runs (interpolated inside its buckets, as Prometheus' histogram_quantile does); median (min–max) of ${C_ROUNDS} rounds. A call joined through coalescing is not the request's own: with coalescing on, that wait counts as server time.`,
    '',
    table(['upstream latency', 'server', 'fixed rate (req/s)', 'overhead p50', 'overhead p99', 'requests counted / sent'], cOverheadRows),
    '',
    `## E: memory over a sustained mixed run (3 credentials, 4 queries, upstream 5 ms)`,
    '',
    `Each on a fresh process of the compiled server, warmed up for a few seconds; the first as the image runs it, the second with Node's default options for comparison. The process that served A–D peaked at ${fmt(earlierPeakRss / 1048576)} MB RSS (C drives it with 128 connections).`,
    '',
    table(
      ['Node options', 'seconds', 'requests', 'samples', 'RSS start / max / end (MB)', 'heap after GC: first third / last third (MB)', 'max heap reserved / external (MB)'],
      soaks.map((run) => [
        run.nodeOptions === '' ? "Node's defaults" : `\`${run.nodeOptions}\``,
        String(run.seconds),
        fmt(run.requests),
        String(run.samples),
        `${fmt(run.rss.start)} / ${fmt(run.rss.max)} / ${fmt(run.rss.end)}`,
        `${fmt(run.heapEarly, 1)} / ${fmt(run.heapLate, 1)}`,
        `${fmt(run.reserved)} / ${fmt(run.external)}`,
      ]),
    ),
    '',
  ].join('\n');
  writeFileSync(resolve(ROOT, args.out), report);
  process.stdout.write(`${report}\n`);
  log(`done; written to ${args.out}`);
}

main().catch(async (error: unknown) => {
  await stopAll();
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
