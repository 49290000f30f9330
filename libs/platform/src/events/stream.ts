import { RetentionPolicy, StorageType, nanos, type JetStreamManager } from 'nats';
import { EVENT_STREAM, EVENT_STREAM_SUBJECTS } from '@samen/contracts';

/** JetStream forgets a message id after this window; the inbox covers duplicates beyond it. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/**
 * Makes sure the event stream exists. Every service may call it at start; the first creates the
 * stream, the others find it. The stream's limits belong to ops (deploy/nats), so an existing
 * stream is left as it is.
 */
export async function ensureEventStream(jsm: JetStreamManager): Promise<void> {
  try {
    await jsm.streams.info(EVENT_STREAM);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await jsm.streams.add({
      name: EVENT_STREAM,
      subjects: EVENT_STREAM_SUBJECTS,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  } catch (error) {
    // Created by another instance between our two calls.
    await jsm.streams.info(EVENT_STREAM).catch(() => {
      throw error;
    });
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; api_error?: { err_code?: number } };
  return e?.code === '404' || e?.api_error?.err_code === 10059;
}
