import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'aftersales.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Aftersales process (PID ${holderPid}). ` +
        `PGlite allows one process per directory: stop that process, or use its HTTP API, or set ` +
        `AFTERSALES_DATA_DIR to another directory.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM means the process exists but belongs to someone else: still a holder.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * PGlite does not lock its directory, and two processes on one directory lose committed rows. We hold an
 * exclusive lock file (created with O_EXCL) naming our PID; a lock whose PID is dead is stale and taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          if (readHolder(file) === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      // Our own PID counts as a holder too: opening one directory twice in a process is the same hazard.
      if (holder !== undefined && (holder === process.pid || isAlive(holder))) {
        throw new DataDirLockedError(dataDir, holder);
      }
      // Stale lock (the holder died): remove it and retry the exclusive create.
      try {
        fs.unlinkSync(file);
      } catch {
        // Another process removed it first; the retry decides who wins.
      }
    }
  }
  throw new DataDirLockedError(dataDir, readHolder(file) ?? -1);
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
