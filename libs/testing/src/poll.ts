export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Says what was awaited, for the timeout message. */
  what?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until it returns something truthy and returns that. For effects that happen
 * asynchronously (relay, consumer, queue group); a timeout names what never happened.
 */
export async function pollUntil<T>(probe: () => T | Promise<T>, options: PollOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 5000, intervalMs = 50, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`pollUntil: ${what} not reached within ${timeoutMs} ms${reason}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Retries an assertion until it passes; on timeout the last failure is thrown as it is, so Jest
 * shows the real expectation diff rather than "timeout".
 */
export async function expectEventually(assertion: () => void | Promise<void>, options: PollOptions = {}): Promise<void> {
  const { timeoutMs = 5000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await sleep(intervalMs);
  }
}

/** Lets time pass where a test must show that something does NOT happen (e.g. no redelivery). */
export { sleep };
