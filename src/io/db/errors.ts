/**
 * Typed errors with messages a geoscientist can act on. Each save either commits whole or not at
 * all, so every message can promise that the last saved state is kept.
 */

/** The browser refused the write because the origin's storage quota is used up. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      'Storage is full: the browser refused to save this session. ' +
        'The last saved version is kept. Delete old sessions to free space, then keep working.',
      options,
    );
  }
}

/** A write failed or was interrupted for another reason; nothing of it was applied. */
export class SaveFailedError extends Error {
  override readonly name = 'SaveFailedError';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Saving failed (${reason}). The last saved version is kept.`, options);
  }
}

export class SessionNotFoundError extends Error {
  override readonly name = 'SessionNotFoundError';
  constructor(readonly sessionId: string) {
    super(`No saved session with id ${sessionId}: it may have been deleted in another tab.`);
  }
}

/** The database was written by a newer Tracewell than this one. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
  constructor(supported: number) {
    super(
      `The saved sessions were written by a newer version of Tracewell (this one reads storage ` +
        `version ${supported}). Reload to get the new version; nothing was changed.`,
    );
  }
}

function errorName(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : undefined;
}

/**
 * Turns whatever a failed transaction produced into one of the errors above. `txError` is the
 * transaction's own error: browsers report a full disk there (QuotaExceededError) while the
 * individual requests only see AbortError.
 */
export function toSaveError(e: unknown, txError?: unknown): Error {
  if (e instanceof StorageFullError || e instanceof SaveFailedError || e instanceof SessionNotFoundError) return e;
  for (const err of [txError, e]) {
    if (errorName(err) === 'QuotaExceededError') return new StorageFullError({ cause: err });
  }
  const cause = txError ?? e;
  const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause ?? 'aborted');
  return new SaveFailedError(reason, { cause });
}
