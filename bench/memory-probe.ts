// A focused memory soak (not part of npm run bench): this server under a mixed load, with a
// breakdown of its memory every few seconds. `node --import tsx bench/memory-probe.ts [seconds] [node flags...]`
import autocannon from 'autocannon';
import { freePort, type ServerProcess, startServer } from './lib/processes.js';

const seconds = Number(process.argv[2] ?? 30);
// `--flag` arguments go to NODE_OPTIONS, `NAME=value` ones to the environment (e.g. MALLOC_ARENA_MAX=2).
const flags = process.argv.slice(3).filter((a) => a.startsWith('--'));
const extraEnv = Object.fromEntries(process.argv.slice(3).filter((a) => !a.startsWith('--') && a.includes('=')).map((a) => a.split('=', 2) as [string, string]));
const simPort = await freePort();
const sim = await startServer({ name: 'simulator', script: 'src/simulator/main.ts', args: ['--port', String(simPort), '--latency', '5'], readyPath: '/__sim', port: simPort });
let ours: ServerProcess | undefined;
try {
  ours = await startServer({
    name: 'ours',
    script: 'dist/main.js',
    readyPath: '/health',
    exposeGc: true,
    env: { ECGRID_BASE_URL: sim.url, LOG_LEVEL: 'warn', GRAPHIQL: 'false', ...(flags.length ? { NODE_OPTIONS: flags.join(' ') } : {}), ...extraEnv },
  });
  const mb = (n: number) => (n / 1048576).toFixed(0);
  const show = async (label: string, gc = false) => {
    const u = await ours!.usage(gc);
    process.stdout.write(`${label.padEnd(10)} rss ${mb(u.rss)}  heapTotal ${mb(u.heapTotal)}  heapUsed ${mb(u.heapUsed)}  external ${mb(u.external)}\n`);
  };
  await show('idle');
  const ROW = 'interchangeId parcelId sender receiver standard documentType status created';
  const bodies = ['{ mailboxStats { sent received totalBytes period } }', `{ inbox(first: 20) { totalCount edges { cursor node { ${ROW} } } } }`, `{ outbox(first: 50) { totalCount edges { node { ${ROW} } } } }`];
  const requests = ['demo-key-acme', 'demo-key-globex', 'demo-key-initech'].flatMap((key) =>
    bodies.map((query) => ({ method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query }) })),
  );
  const run = autocannon({ url: `${ours.url}/graphql`, method: 'POST', requests, connections: 32, duration: seconds });
  const timer = setInterval(() => void show('load'), 3000);
  const result = await run;
  clearInterval(timer);
  await show('after');
  await show('after gc', true);
  process.stdout.write(`${result['2xx']} requests, flags: ${process.argv.slice(3).join(' ') || '(none)'}\n`);
} finally {
  await ours?.stop();
  await sim.stop();
}
