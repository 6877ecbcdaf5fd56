export interface LockoutPolicy {
  /** Failures before the account locks. */
  maxFailures: number;
  lockMinutes: number;
  /** From this many failures on, each answer is delayed to slow guessing down. */
  slowdownAfter: number;
  slowdownStepMs: number;
}

export interface LoginState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * After a wrong password: count it, lock when the limit is reached, and tell the caller how long to wait
 * before answering (growing linearly, capped) so a guesser gains nothing from speed. A lock that has
 * expired starts the count again.
 */
export function afterFailedLogin(
  state: LoginState,
  policy: LockoutPolicy,
  now: Date,
): { next: LoginState; delayMs: number; lockedNow: boolean } {
  const expired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failed = (expired ? 0 : state.failedLogins) + 1;
  const lockedNow = failed >= policy.maxFailures;
  const lockedUntil = lockedNow ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  const over = failed - policy.slowdownAfter + 1;
  const delayMs = over > 0 ? Math.min(over * policy.slowdownStepMs, 5_000) : 0;
  return { next: { failedLogins: lockedNow ? 0 : failed, lockedUntil }, delayMs, lockedNow };
}

export const afterSuccessfulLogin = (): LoginState => ({ failedLogins: 0, lockedUntil: null });

/** Password rules: long enough to resist guessing, short enough for argon2 to stay cheap. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('Use at least 8 characters.');
  if (password.length > 128) problems.push('Use at most 128 characters.');
  if (password.toLowerCase() === username.toLowerCase())
    problems.push('The password may not equal the username.');
  return problems;
}
