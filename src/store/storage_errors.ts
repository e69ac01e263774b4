/**
 * IndexedDB failures in words a person can act on. Dexie wraps the browser's DOMException
 * (QuotaExceededError, InvalidStateError in a private window...) in its own errors, so the
 * names are looked for down the chain of `inner` / `cause`.
 */

export type StorageErrorCode = 'quota' | 'unavailable' | 'missing' | 'bad_file' | 'unknown';

export class HistoryStorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HistoryStorageError';
    this.code = code;
  }
}

/** The error names along Dexie's wrapping chain, outermost first. */
export function storageErrorNames(error: unknown): string[] {
  const names: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const rec = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof rec.name === 'string') names.push(rec.name);
    e = rec.inner ?? rec.cause;
  }
  return names;
}

export function isQuotaError(error: unknown): boolean {
  return storageErrorNames(error).includes('QuotaExceededError');
}

const UNAVAILABLE = ['MissingAPIError', 'InvalidStateError', 'OpenFailedError', 'SecurityError', 'DatabaseClosedError'];

export function isStorageUnavailable(error: unknown): boolean {
  return storageErrorNames(error).some((n) => UNAVAILABLE.includes(n));
}

/**
 * `failed` says what did not happen, as a sentence start: "This set could not be saved to your
 * history". The message then says why and what to do.
 */
export function describeHistoryError(error: unknown, failed: string): HistoryStorageError {
  if (error instanceof HistoryStorageError) return error;
  if (isQuotaError(error)) {
    return new HistoryStorageError(
      'quota',
      `${failed}: the browser's storage for this site is full. Free space under History › Storage (remove kept videos or old sessions, or export a backup first), then try again.`,
      { cause: error },
    );
  }
  if (isStorageUnavailable(error)) {
    return new HistoryStorageError(
      'unavailable',
      `${failed}: this browser is not letting the site store data (private window, or storage blocked in its settings). The report still works; export it before leaving the page.`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new HistoryStorageError('unknown', `${failed}: ${detail}`, { cause: error });
}
