import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordingStore } from '../../../src/store/recordings_db';
import { RecordingSession, finalizeStoredRecording } from '../../../src/live/recording_session';
import { FakeMediaRecorder } from './fake_media_recorder';
import { hasFfmpeg, liveMatroskaH264 } from './live_stream_h264';

let store: RecordingStore;

beforeEach(() => {
  FakeMediaRecorder.instances = [];
  vi.stubGlobal('MediaRecorder', FakeMediaRecorder);
  store = new RecordingStore(`session-${Math.random()}`);
});
afterEach(() => {
  vi.unstubAllGlobals();
  store.close();
});

async function fileBytes(blob: Blob) {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('RecordingSession', () => {
  it('stores each chunk as it arrives, so a recording cut off mid-way is in the database', async () => {
    const session = await RecordingSession.start({ stream: {} as MediaStream, store, name: 'set 1', width: 640, height: 480 });
    const rec = FakeMediaRecorder.instances[0];
    rec.emit(new Uint8Array([1, 2]));
    rec.emit(new Uint8Array([3]));
    // No stop: as if the page died here.
    await vi.waitFor(async () => expect((await store.get(session.id))?.chunkCount).toBe(2));
    const meta = await store.get(session.id);
    expect(meta).toMatchObject({ status: 'recording', chunkCount: 2, bytes: 3, mimeType: 'video/webm' });
    expect(await fileBytes(await store.getFile(session.id))).toEqual([1, 2, 3]);
  });

  it('finishes with the live track and rep count; a file that cannot be remuxed is kept as recorded', async () => {
    const session = await RecordingSession.start({ stream: {} as MediaStream, store, name: 'set 2', width: 640, height: 480 });
    const rec = FakeMediaRecorder.instances[0];
    rec.emit(new Uint8Array([1]));
    session.addPose({ t: 0, keypoints: null }, performance.now() / 1000);
    const end = await session.stop({ status: 'complete', liveReps: 4 });
    expect(end.storageError).toBeNull();
    // These bytes are no WebM, so mediabunny refuses them; the chunks stay as they were.
    expect(end.remuxError).not.toBeNull();
    expect(await fileBytes(end.file)).toEqual([1, 0xee]);
    expect(end.meta).toMatchObject({ status: 'complete', liveReps: 4, finalized: false, chunkCount: 2 });
    expect(end.meta?.liveTrack?.frames).toHaveLength(1);
    expect(await fileBytes(await store.getFile(session.id))).toEqual([1, 0xee]);
  });

  it('on a full disk keeps recording in memory, says so once, and still hands back the whole file', async () => {
    const errors: string[] = [];
    const session = await RecordingSession.start({
      stream: {} as MediaStream,
      store,
      name: 'set 3',
      width: 640,
      height: 480,
      onStorageError: (e) => errors.push(e.code),
    });
    const rec = FakeMediaRecorder.instances[0];
    rec.emit(new Uint8Array([1]));
    await vi.waitFor(async () => expect((await store.get(session.id))?.chunkCount).toBe(1));
    const db = (store as unknown as { db: { chunks: { hook: (e: 'creating', f: () => void) => void } } }).db;
    db.chunks.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    rec.emit(new Uint8Array([2]));
    rec.emit(new Uint8Array([3]));
    const end = await session.stop({ status: 'complete' });
    expect(errors).toEqual(['quota']);
    expect(end.storageError?.code).toBe('quota');
    expect(await fileBytes(end.file)).toEqual([1, 2, 3, 0xee]);
    // What fitted is stored, and the row says the rest could not be.
    expect(await fileBytes(await store.getFile(session.id))).toEqual([1]);
    const meta = await store.get(session.id);
    expect(meta?.status).toBe('interrupted');
    expect(meta?.note).toMatch(/Storage ran out.*Download the video now/);
  });

  it('records in memory when storage refuses even to create the recording', async () => {
    const errors: string[] = [];
    const refusing = {
      create: async () => {
        throw Object.assign(new Error('blocked'), { name: 'MissingAPIError' });
      },
      appendChunk: vi.fn(),
      finish: vi.fn(),
      replaceWithFile: vi.fn(),
      get: vi.fn(),
    } as unknown as RecordingStore;
    const session = await RecordingSession.start({
      stream: {} as MediaStream,
      store: refusing,
      name: 'private window',
      width: 640,
      height: 480,
      onStorageError: (e) => errors.push(e.code),
    });
    FakeMediaRecorder.instances[0].emit(new Uint8Array([4, 5]));
    const end = await session.stop({ status: 'complete' });
    expect(errors).toEqual(['unavailable']);
    expect(end.storageError?.message).toMatch(/not letting the site store recordings/);
    expect(await fileBytes(end.file)).toEqual([4, 5, 0xee]);
    expect(end.meta).toBeNull();
    expect((refusing as unknown as { appendChunk: ReturnType<typeof vi.fn> }).appendChunk).not.toHaveBeenCalled();
  });
});

describe.skipIf(!hasFfmpeg())('finalizeStoredRecording', () => {
  it('turns the raw H.264 chunks of a recording cut off by a reload into one MP4 with its duration', async () => {
    const raw = liveMatroskaH264();
    const rec = await store.create({ name: 'cut off', mimeType: 'video/x-matroska' });
    // Stored in pieces, as MediaRecorder handed them over, cut anywhere.
    const third = Math.floor(raw.length / 3);
    await store.appendChunk(rec.id, 0, raw.slice(0, third).buffer);
    await store.appendChunk(rec.id, 1, raw.slice(third, 2 * third).buffer);
    await store.appendChunk(rec.id, 2, raw.slice(2 * third).buffer);
    // Still being recorded (as far as the row says): left alone.
    expect((await finalizeStoredRecording(store, rec.id)).meta).toMatchObject({ finalized: false, chunkCount: 3 });
    await store.markCutOff(rec.id);
    const { meta, error } = await finalizeStoredRecording(store, rec.id);
    expect(error).toBeNull();
    expect(meta).toMatchObject({ status: 'interrupted', finalized: true, chunkCount: 1, mimeType: 'video/mp4' });
    expect(meta!.durationS).toBeCloseTo(2, 1);
    const file = await store.getFile(rec.id);
    expect(file.type).toBe('video/mp4');
    expect(new TextDecoder().decode(new Uint8Array(await file.slice(4, 8).arrayBuffer()))).toBe('ftyp');
    // Done once: a second call finds it finalized and changes nothing.
    expect((await finalizeStoredRecording(store, rec.id)).meta).toEqual(meta);
  });

  it('keeps the chunks as they were when they cannot be remuxed, and says why', async () => {
    const rec = await store.create({ name: 'garbled', mimeType: 'video/x-matroska' });
    await store.appendChunk(rec.id, 0, new Uint8Array([1, 2, 3]).buffer);
    await store.markCutOff(rec.id);
    const { meta, error } = await finalizeStoredRecording(store, rec.id);
    expect(error).not.toBeNull();
    expect(meta).toMatchObject({ finalized: false, chunkCount: 1, mimeType: 'video/x-matroska' });
    expect(await fileBytes(await store.getFile(rec.id))).toEqual([1, 2, 3]);
  });
});
