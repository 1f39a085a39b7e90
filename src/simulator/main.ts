// `npm run simulator -- --port 4010 --latency 20`: the simulator alone, for pointing other tools at it.
import { parseArgs } from 'node:util';
import { Simulator } from './simulator.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '0' },
    seed: { type: 'string' },
  },
});

const port = Number(values.port);
const latencyMs = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: not a port: ${values.port}`);
if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`--latency: not a delay in ms: ${values.latency}`);

const simulator = await Simulator.start({
  port,
  host: values.host,
  latencyMs,
  maxRecordedCalls: 1_000,
  ...(values.seed ? { seed: Number(values.seed) } : {}),
});
process.stdout.write(
  `${JSON.stringify({
    msg: 'ECGrid simulator listening',
    url: simulator.url,
    control: `${simulator.url}/__sim`,
    apiKeys: simulator.mailboxes.map((m) => `${m.apiKey} (${m.companyName}, mailbox ${m.mailboxId})`),
  })}\n`,
);

const stop = () => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
