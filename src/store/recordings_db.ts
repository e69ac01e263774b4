/**
 * Webcam recordings kept in IndexedDB (through Dexie), so that nothing recorded is lost.
 *
 * A recording is written while it is being made: MediaRecorder hands over a chunk every second
 * and each chunk is stored at once, so a crash, a reload or a closed tab keeps everything up to
 * the last second. On stop the chunks may be replaced (atomically) by one remuxed file with a
 * duration and cues. Only then does analysis start, so a failed analysis leaves the recording here.
 *
 * Chunks are stored as ArrayBuffers rather than Blobs: every IndexedDB implementation clones
 * those, and a stored Blob can go stale in some browsers when its backing file is cleaned up.
 */
import type Dexie from 'dexie';
import type { PoseTrack } from '../core/types';
import { AppDexie, DEFAULT_DB_NAME } from './app_db';
import { isQuotaError, isStorageUnavailable } from './storage_errors';

export { DEFAULT_DB_NAME } from './app_db';

export type RecordingStatus = 'recording' | 'complete' | 'interrupted';

export interface RecordingMeta {
  id: string;
  name: string;
  /** ms since the epoch. */
  createdAt: number;
  /** Last time a chunk was written (ms since the epoch): a 'recording' row not updated for a while was cut off. */
  updatedAt: number;
  mimeType: string;
  status: RecordingStatus;
  chunkCount: number;
  bytes: number;
  durationS: number | null;
  width: number | null;
  height: number | null;
  /** Why it ended other than by the user pressing stop (camera unplugged, page closed...). */
  note: string | null;
  /** True once the chunks were replaced by one remuxed file (duration and cues written). */
  finalized: boolean;
  /** Reps counted live while recording, if any. */
  liveReps: number | null;
  /** The live (lite model) pose track, times from the start of the recording. */
  liveTrack: PoseTrack | null;
  /** Set when a full analysis of this recording finished. */
  analysedAt: number | null;
}

export interface RecordingChunk {
  recordingId: string;
  seq: number;
  data: ArrayBuffer;
}

export type StorageErrorCode = 'quota' | 'unavailable' | 'missing' | 'unknown';

export class RecordingStorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecordingStorageError';
    this.code = code;
  }
}

/** Turns whatever IndexedDB threw into a plain-language RecordingStorageError. */
export function describeStorageError(error: unknown): RecordingStorageError {
  if (error instanceof RecordingStorageError) return error;
  if (isQuotaError(error)) {
    return new RecordingStorageError(
      'quota',
      "The browser's storage for this site is full, so the recording could not be saved. Delete old recordings below (or free disk space), then record again.",
      { cause: error },
    );
  }
  if (isStorageUnavailable(error)) {
    return new RecordingStorageError(
      'unavailable',
      'This browser is not letting the site store recordings (private window, or storage blocked in its settings). You can still record, but download the video before leaving the page.',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new RecordingStorageError('unknown', `Saving the recording failed: ${detail}`, { cause: error });
}

export interface NewRecording {
  name: string;
  mimeType: string;
  width?: number | null;
  height?: number | null;
}

export interface FinishRecording {
  status: 'complete' | 'interrupted';
  durationS?: number | null;
  note?: string | null;
  liveReps?: number | null;
  liveTrack?: PoseTrack | null;
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `rec-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class RecordingStore {
  private readonly db: AppDexie;
  private readonly lastSeen = new Map<string, number>();

  constructor(dbName = DEFAULT_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    this.db = new AppDexie(dbName, options);
  }

  /** Starts a recording row; chunks follow with appendChunk. */
  async create(init: NewRecording, now = Date.now()): Promise<RecordingMeta> {
    const meta: RecordingMeta = {
      id: newId(),
      name: init.name,
      createdAt: now,
      updatedAt: now,
      mimeType: init.mimeType,
      status: 'recording',
      chunkCount: 0,
      bytes: 0,
      durationS: null,
      width: init.width ?? null,
      height: init.height ?? null,
      note: null,
      finalized: false,
      liveReps: null,
      liveTrack: null,
      analysedAt: null,
    };
    await this.run(() => this.db.recordings.add(meta));
    return meta;
  }

  /** Stores one MediaRecorder chunk (seq from 0, in order) and bumps the row's size and time. */
  async appendChunk(id: string, seq: number, chunk: Blob | ArrayBuffer, now = Date.now()): Promise<void> {
    const data = chunk instanceof ArrayBuffer ? chunk : await chunk.arrayBuffer();
    await this.run(() =>
      this.db.transaction('rw', this.db.recordings, this.db.chunks, async () => {
        const meta = await this.db.recordings.get(id);
        if (!meta) throw new RecordingStorageError('missing', 'This recording was deleted while it was being made.');
        await this.db.chunks.put({ recordingId: id, seq, data });
        await this.db.recordings.update(id, {
          chunkCount: Math.max(meta.chunkCount, seq + 1),
          bytes: meta.bytes + data.byteLength,
          updatedAt: now,
        });
      }),
    );
  }

  /** Marks the recording complete or interrupted (the chunks stay as they are). */
  async finish(id: string, finish: FinishRecording, now = Date.now()): Promise<RecordingMeta> {
    await this.run(async () => {
      const changes: Partial<RecordingMeta> = { status: finish.status, updatedAt: now };
      if (finish.durationS !== undefined) changes.durationS = finish.durationS;
      if (finish.note !== undefined) changes.note = finish.note;
      if (finish.liveReps !== undefined) changes.liveReps = finish.liveReps;
      if (finish.liveTrack !== undefined) changes.liveTrack = finish.liveTrack;
      const n = await this.db.recordings.update(id, changes);
      if (n === 0) throw new RecordingStorageError('missing', 'That recording is no longer stored.');
    });
    return (await this.get(id))!;
  }

  /**
   * Replaces the chunks by one file (e.g. remuxed with a duration and cues), in one transaction:
   * either the old chunks or the new file are stored, never neither.
   */
  async replaceWithFile(id: string, file: Blob, durationS?: number | null): Promise<void> {
    const data = await file.arrayBuffer();
    await this.run(() =>
      this.db.transaction('rw', this.db.recordings, this.db.chunks, async () => {
        const meta = await this.db.recordings.get(id);
        if (!meta) throw new RecordingStorageError('missing', 'That recording is no longer stored.');
        await this.db.chunks.where('recordingId').equals(id).delete();
        await this.db.chunks.put({ recordingId: id, seq: 0, data });
        const changes: Partial<RecordingMeta> = { chunkCount: 1, bytes: data.byteLength, finalized: true, mimeType: file.type || meta.mimeType };
        if (durationS !== undefined && durationS !== null) changes.durationS = durationS;
        await this.db.recordings.update(id, changes);
      }),
    );
  }

  async markAnalysed(id: string, now = Date.now()): Promise<void> {
    await this.run(() => this.db.recordings.update(id, { analysedAt: now }));
  }

  async get(id: string): Promise<RecordingMeta | undefined> {
    return this.run(() => this.db.recordings.get(id));
  }

  /** Newest first. */
  async list(): Promise<RecordingMeta[]> {
    return this.run(() => this.db.recordings.orderBy('createdAt').reverse().toArray());
  }

  /** The recorded video as one Blob (chunks in order). */
  async getFile(id: string): Promise<Blob> {
    return this.run(async () => {
      const meta = await this.db.recordings.get(id);
      if (!meta) throw new RecordingStorageError('missing', 'That recording is no longer stored.');
      const chunks = await this.db.chunks.where('recordingId').equals(id).sortBy('seq');
      return new Blob(
        chunks.map((c) => c.data),
        { type: meta.mimeType },
      );
    });
  }

  async delete(id: string): Promise<void> {
    await this.run(() =>
      this.db.transaction('rw', this.db.recordings, this.db.chunks, async () => {
        await this.db.chunks.where('recordingId').equals(id).delete();
        await this.db.recordings.delete(id);
      }),
    );
  }

  /**
   * Recordings still marked 'recording' whose recorder is gone (crash, reload, closed tab) were
   * cut off: mark them interrupted, keeping every stored chunk, and return them. isAlive tells
   * whether a recording is still being made (e.g. in another tab: see recordingLock); without
   * it, a row not written to for staleMs counts as cut off.
   */
  async recoverInterrupted(options: { now?: number; staleMs?: number; isAlive?: (id: string) => boolean } = {}): Promise<RecordingMeta[]> {
    const now = options.now ?? Date.now();
    const staleMs = options.staleMs ?? 10_000;
    const alive = options.isAlive ?? ((id: string) => now - (this.lastSeen.get(id) ?? 0) < staleMs);
    return this.run(() =>
      this.db.transaction('rw', this.db.recordings, async () => {
        const open = await this.db.recordings.where('status').equals('recording').toArray();
        for (const r of open) this.lastSeen.set(r.id, r.updatedAt);
        const stale = open.filter((r) => !alive(r.id));
        for (const r of stale) {
          await this.db.recordings.update(r.id, {
            status: 'interrupted',
            note: r.note ?? `The page closed while recording; the ${r.chunkCount} s saved up to then are kept.`,
          });
        }
        return stale.map((r) => ({ ...r, status: 'interrupted' as const }));
      }),
    );
  }

  /**
   * Marks one recording interrupted if it is still marked 'recording' (its recorder is known to
   * be gone); returns the updated row, or null when it had finished meanwhile or is gone.
   */
  async markCutOff(id: string): Promise<RecordingMeta | null> {
    return this.run(() =>
      this.db.transaction('rw', this.db.recordings, async () => {
        const r = await this.db.recordings.get(id);
        if (!r || r.status !== 'recording') return null;
        const note = r.note ?? `The page closed while recording; the ${r.chunkCount} s saved up to then are kept.`;
        await this.db.recordings.update(id, { status: 'interrupted', note });
        return { ...r, status: 'interrupted' as const, note };
      }),
    );
  }

  close(): void {
    this.db.close();
  }

  private async run<T>(op: () => Promise<T> | T): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw describeStorageError(error);
    }
  }
}

/**
 * A Web Lock held for as long as a recording is being made: another tab (or this one after a
 * reload) can then tell a live recording from one cut off by a crash. Resolves when the lock is
 * taken; call the returned function to release it.
 */
export async function holdRecordingLock(id: string): Promise<() => void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return () => {};
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await new Promise<void>((taken) => {
    locks.request(`squat-recording-${id}`, () => {
      taken();
      return released;
    }).catch(() => taken());
  });
  return release;
}

/**
 * Calls back once the recording's lock is free, i.e. once the page that made it is gone (or
 * finished it). Where Web Locks are missing, returns false and does nothing.
 */
export function whenRecordingLockFree(id: string, callback: () => Promise<void> | void, signal?: AbortSignal): boolean {
  const locks = globalThis.navigator?.locks;
  if (!locks) return false;
  locks.request(`squat-recording-${id}`, signal ? { signal } : {}, async () => {
    await callback();
  }).catch(() => {});
  return true;
}

/** Asks the browser to keep this site's storage under pressure (best effort; may be refused). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Bytes used and available to this site, when the browser tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const e = await globalThis.navigator?.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
  } catch {
    return null;
  }
}
