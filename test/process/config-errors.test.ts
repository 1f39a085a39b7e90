/** The real process given bad settings: it stops with exit code 2 and says what it was given, except for secrets. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

async function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

describe('bad settings', () => {
  it('quote the value given, and say what was expected', async () => {
    const { code, stderr } = await start({ PORT: 'abc', MAX_DEPTH: '2.5', LOG_LEVEL: 'loud', SHUTDOWN_TIMEOUT_MS: '0' });
    expect(code).toBe(2);
    expect(stderr).not.toContain('NaN');
    expect(stderr).toMatch(/PORT: .*"abc"/);
    expect(stderr).toMatch(/PORT: must be a whole number/);
    expect(stderr).toMatch(/MAX_DEPTH: must be a whole number.*"2\.5"/);
    expect(stderr).toMatch(/LOG_LEVEL: .*"loud"/);
    expect(stderr).toMatch(/SHUTDOWN_TIMEOUT_MS: .*"0"/);
  });

  it('never echo a secret setting', async () => {
    const { code, stderr } = await start({
      REDIS_URL: 'http://user:hunter2-redis@cache.internal:6379',
      ECGRID_CACHE_KEY_SECRET: 'hunter2-short',
      ECGRID_CACHE_TTL_STATS_MS: '1000',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('REDIS_URL');
    expect(stderr).toContain('ECGRID_CACHE_KEY_SECRET');
    expect(stderr).not.toContain('hunter2');
  });
});
