import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingStorageError, RecordingStore, describeStorageError } from '../../../src/store/recordings_db';

let n = 0;
const opened: RecordingStore[] = [];
function freshStore(name = `test-recordings-${++n}`): RecordingStore {
  const store = new RecordingStore(name);
  opened.push(store);
  return store;
}

afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function bytes(...values: number[]): Blob {
  return new Blob([new Uint8Array(values)]);
}

async function fileBytes(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('RecordingStore', () => {
  it('keeps chunks in order as they arrive, and a reopened database still has them', async () => {
    const name = `persist-${++n}`;
    const store = freshStore(name);
    const rec = await store.create({ name: 'Squats 1', mimeType: 'video/webm', width: 640, height: 480 }, 1000);
    // Chunks may be written out of order (async arrayBuffer); the file is rebuilt by seq.
    await store.appendChunk(rec.id, 1, bytes(3, 4), 2000);
    await store.appendChunk(rec.id, 0, bytes(1, 2), 2001);
    await store.appendChunk(rec.id, 2, bytes(5), 3000);
    store.close();
    // A reload: a new connection to the same database, the recording never finished.
    const again = freshStore(name);
    const [meta] = await again.list();
    expect(meta).toMatchObject({ id: rec.id, status: 'recording', chunkCount: 3, bytes: 5, width: 640 });
    expect(await fileBytes(await again.getFile(rec.id))).toEqual([1, 2, 3, 4, 5]);
    expect((await again.getFile(rec.id)).type).toBe('video/webm');
  });

  it('marks recordings cut off by a crash as interrupted, keeping what was saved', async () => {
    const store = freshStore();
    const live = await store.create({ name: 'still going', mimeType: 'video/webm' }, 10_000);
    const dead = await store.create({ name: 'crashed', mimeType: 'video/webm' }, 1_000);
    await store.appendChunk(dead.id, 0, bytes(9, 9), 2_000);
    await store.appendChunk(live.id, 0, bytes(1), 19_000);
    const recovered = await store.recoverInterrupted({ now: 20_000, staleMs: 10_000 });
    expect(recovered.map((r) => r.id)).toEqual([dead.id]);
    const after = await store.get(dead.id);
    expect(after?.status).toBe('interrupted');
    expect(after?.note).toMatch(/page closed while recording/);
    expect(await fileBytes(await store.getFile(dead.id))).toEqual([9, 9]);
    expect((await store.get(live.id))?.status).toBe('recording');
  });

  it('after a quick reload, trusts the recording lock over the last write time', async () => {
    const store = freshStore();
    const rec = await store.create({ name: 'reloaded', mimeType: 'video/webm' }, 1_000);
    await store.appendChunk(rec.id, 0, bytes(1), 1_500);
    // Written half a second ago, but nobody holds its lock: the page that made it is gone.
    const recovered = await store.recoverInterrupted({ now: 2_000, isAlive: () => false });
    expect(recovered.map((r) => r.id)).toEqual([rec.id]);
    expect((await store.get(rec.id))?.status).toBe('interrupted');
    const other = await store.create({ name: 'other tab', mimeType: 'video/webm' }, 1_000);
    expect(await store.recoverInterrupted({ now: 99_000, isAlive: (id) => id === other.id })).toEqual([]);
  });

  it('finishes, replaces chunks with one remuxed file, lists newest first, and deletes', async () => {
    const store = freshStore();
    const a = await store.create({ name: 'a', mimeType: 'video/webm' }, 1);
    const b = await store.create({ name: 'b', mimeType: 'video/webm' }, 2);
    await store.appendChunk(a.id, 0, bytes(1), 3);
    await store.appendChunk(a.id, 1, bytes(2), 4);
    const done = await store.finish(a.id, { status: 'complete', durationS: 2.5, liveReps: 3 });
    expect(done).toMatchObject({ status: 'complete', durationS: 2.5, liveReps: 3, finalized: false });
    await store.replaceWithFile(a.id, new Blob([new Uint8Array([7, 7, 7])], { type: 'video/webm' }), 2.4);
    expect(await store.get(a.id)).toMatchObject({ finalized: true, chunkCount: 1, bytes: 3, durationS: 2.4 });
    expect(await fileBytes(await store.getFile(a.id))).toEqual([7, 7, 7]);
    expect((await store.list()).map((r) => r.name)).toEqual(['b', 'a']);
    await store.delete(a.id);
    expect((await store.list()).map((r) => r.id)).toEqual([b.id]);
    await expect(store.getFile(a.id)).rejects.toMatchObject({ code: 'missing' });
  });

  it('reports a full disk plainly and leaves earlier chunks in place', async () => {
    const store = freshStore();
    const rec = await store.create({ name: 'big', mimeType: 'video/webm' });
    await store.appendChunk(rec.id, 0, bytes(1, 2));
    // Make IndexedDB refuse the next write the way a browser does when the quota is reached.
    const db = (store as unknown as { db: { chunks: { hook: (e: 'creating', f: () => void) => void } } }).db;
    db.chunks.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await store.appendChunk(rec.id, 1, bytes(3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingStorageError);
    expect((error as RecordingStorageError).code).toBe('quota');
    expect((error as RecordingStorageError).message).toMatch(/storage for this site is full/);
    expect(await fileBytes(await store.getFile(rec.id))).toEqual([1, 2]);
    expect((await store.get(rec.id))?.bytes).toBe(2);
  });

  it('describes storage errors by name, also when wrapped', () => {
    expect(describeStorageError(new DOMException('x', 'QuotaExceededError')).code).toBe('quota');
    expect(describeStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }).code).toBe('quota');
    expect(describeStorageError({ name: 'MissingAPIError' }).code).toBe('unavailable');
    expect(describeStorageError(new Error('boom'))).toMatchObject({ code: 'unknown', message: 'Saving the recording failed: boom' });
  });
});

describe('markCutOff', () => {
  it('marks a recording still in progress as interrupted once, and leaves a finished one alone', async () => {
    const store = new RecordingStore(`cutoff-${Date.now()}`);
    try {
      const a = await store.create({ name: 'a', mimeType: 'video/webm' });
      const b = await store.create({ name: 'b', mimeType: 'video/webm' });
      await store.finish(b.id, { status: 'complete' });
      expect((await store.markCutOff(a.id))?.status).toBe('interrupted');
      expect(await store.markCutOff(a.id)).toBeNull();
      expect(await store.markCutOff(b.id)).toBeNull();
      expect((await store.get(b.id))?.status).toBe('complete');
      expect(await store.markCutOff('nope')).toBeNull();
    } finally {
      store.close();
    }
  });
});
