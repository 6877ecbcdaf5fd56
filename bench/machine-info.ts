import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  date: string;
  commit: string;
  cores: number;
  memoryGb: number;
  cpu: string;
  node: string;
}

/** Where and on what the figures were taken; reading git only (`rev-parse`, `status`), never writing to it. */
export function machineInfo(): MachineInfo {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    // Figures from a working tree with changes not yet committed say so: HEAD alone would not reproduce them.
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    });
    if (changed.trim() !== '') commit += '+wip';
  } catch {
    // Not a checkout (an unpacked release): the row says so.
  }
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit,
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
  };
}
