import { systemContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { createDeskAppealFiles } from './desk-appeal-files.service.ts';
import { createDeskCalls } from './desk-calls.service.ts';
import { createDeskDecisions } from './desk-decisions.service.ts';
import { createTaskPlanner } from './desk-planning.ts';
import type { DeskPorts } from './desk-ports.ts';
import { createDeskReader } from './desk-reads.service.ts';

/** The order-callback desk: planning on completion, calls, verdicts, appeals, finalisation, audit. */
export function createDeskService(deps: PlatformDeps, ports: DeskPorts) {
  const reads = createDeskReader(deps, ports);
  return {
    planner: createTaskPlanner(deps),
    reads,
    calls: createDeskCalls(deps, ports, reads),
    decisions: createDeskDecisions(deps, reads),
    files: createDeskAppealFiles(deps, ports),
  };
}

export type DeskService = ReturnType<typeof createDeskService>;

/** How often the worker finalises results whose appeal window has closed (CB-3). */
export const FINALISE_SWEEP_MS = 60_000;

/**
 * Starts the worker's periodic finalisation sweep; returns the function that stops it. Several processes may
 * sweep at once: a result is finalised, and `callback.finalised` emitted, by exactly one of them.
 */
export function startFinalisationSweep(
  desk: DeskService,
  now: () => Date,
  onError: (err: unknown) => void,
  intervalMs = FINALISE_SWEEP_MS,
): () => void {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= desk.decisions
      .finaliseDue(systemContext(now()))
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
