import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server under test, in its own process so the load generator never shares its event loop. */
export interface BenchServer {
  url: string;
  pid: number;
  /** Resident memory now, from /proc/<pid>/status (MB). */
  rssMb(): number;
  /** Samples RSS every `everyMs` until stopped; answers the peak and the mean. */
  sampleRss(everyMs?: number): { stop(): { peakMb: number; meanMb: number; samples: number } };
  /** Waits until the server's CPU use stays below 5 % for two seconds (the outbox relay has caught up). */
  settle(maxSeconds?: number): Promise<number>;
  stop(): Promise<void>;
}

function readRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

export async function startBenchServer(env: Record<string, string>, port: number): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ['bin/aftersales.mjs', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AFTERSALES_INTAKE_PER_MINUTE: '0',
      AFTERSALES_LOGIN_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited at start:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 180_000) throw new Error(`The server did not start in 3 minutes:\n${output}`);
    await sleep(250);
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    rssMb: () => readRssMb(pid),
    sampleRss(everyMs = 250) {
      const samples: number[] = [readRssMb(pid)];
      const timer = setInterval(() => samples.push(readRssMb(pid)), everyMs);
      return {
        stop() {
          clearInterval(timer);
          samples.push(readRssMb(pid));
          return {
            peakMb: Math.max(...samples),
            meanMb: samples.reduce((a, b) => a + b, 0) / samples.length,
            samples: samples.length,
          };
        },
      };
    },
    async settle(maxSeconds = 300) {
      const start = Date.now();
      let quiet = 0;
      let before = cpuTicks(pid);
      while (Date.now() - start < maxSeconds * 1000) {
        await sleep(500);
        const now = cpuTicks(pid);
        // 100 ticks a second: under 2.5 ticks per 500 ms is under 5 % of a core.
        quiet = now - before < 2.5 ? quiet + 1 : 0;
        before = now;
        if (quiet >= 4) break;
      }
      return (Date.now() - start) / 1000;
    },
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
