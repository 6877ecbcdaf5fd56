import fs from 'node:fs';
import { spawnCli, waitForHealth } from '../test/process/server-process.ts';

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

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const { child, port, output, exited } = await spawnCli(['serve'], {
    ...env,
    AFTERSALES_INTAKE_PER_MINUTE: '0',
    AFTERSALES_LOGIN_PER_MINUTE: '100000',
  });
  const url = `http://127.0.0.1:${port}`;
  // A big dataset can make the first start slow; a server that exits instead says why.
  const gone = exited.then((code) => new Error(`The server exited at start (${code}).`));
  const failure = await Promise.race([waitForHealth(port, 180_000).then(() => undefined), gone]).catch(
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  if (failure) {
    child.kill('SIGKILL');
    throw new Error(`${failure.message}\n${output()}`);
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
