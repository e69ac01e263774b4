/**
 * The live engine without React or a DOM: fake camera frames, a clock moved by hand, a fake model
 * answering when told, the real recordings store on fake-indexeddb and a stand-in MediaRecorder.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PoseFrame } from '../../../src/core/types';
import { LiveEngine, type AnalyseRequest, type LiveOverlayFrame, type PoseEstimatorHandle } from '../../../src/live/live_engine';
import { RecordingStore } from '../../../src/store/recordings_db';
import { fakeCamera, fakeClock, fakePage, fakePreview } from './fake_camera';
import { FakeMediaRecorder } from './fake_media_recorder';
import { hasFfmpeg, liveMatroskaH264 } from './live_stream_h264';

/** A model whose answers the test releases, oldest first. */
function manualModel() {
  const waiting: { t: number; resolve: (f: PoseFrame) => void }[] = [];
  const person = (t: number): PoseFrame => ({ t, keypoints: [{ name: 'nose', x: 320, y: 100, score: 0.9 }] });
  const estimator: PoseEstimatorHandle = {
    backend: 'wasm',
    backendReason: 'test',
    estimate: (_b, t) => new Promise<PoseFrame>((resolve) => waiting.push({ t, resolve })),
    reset() {},
    dispose() {},
  };
  return {
    estimator,
    get pending() {
      return waiting.length;
    },
    answer(n = 1) {
      for (let i = 0; i < n; i++) {
        const w = waiting.shift();
        w?.resolve(person(w.t));
      }
    },
  };
}

/**
 * A few turns of the event loop, for work that needs no storage. Starting a recording waits on
 * IndexedDB, which can take more turns than this when the machine is busy: wait for its phase.
 */
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

let store: RecordingStore;
let engine: LiveEngine | null = null;

beforeEach(() => {
  FakeMediaRecorder.instances = [];
  vi.stubGlobal('MediaRecorder', FakeMediaRecorder);
  store = new RecordingStore(`engine-${Math.random()}`);
});
afterEach(() => {
  engine?.dispose();
  engine = null;
  vi.unstubAllGlobals();
  store.close();
});

function setup(options: { failModel?: boolean; cameraFails?: string } = {}) {
  const model = manualModel();
  const clock = fakeClock();
  const camera = fakeCamera(options.cameraFails ? { fail: { name: options.cameraFails } } : {});
  const page = fakePage();
  const { preview, cam, shown } = fakePreview();
  const analysed: AnalyseRequest[] = [];
  const e = new LiveEngine({
    store,
    createEstimator: async () => {
      if (options.failModel) throw new Error('no wasm');
      return model.estimator;
    },
    analyse: async (request) => void analysed.push(request),
    camera: camera.port,
    page: page.page,
    clock: clock.clock,
  });
  engine = e;
  e.attach(preview);
  const overlays: (LiveOverlayFrame | null)[] = [];
  e.subscribePose((o) => overlays.push(o));
  return { engine: e, model, clock, camera, page, cam, shown, analysed, overlays };
}

describe('live engine', () => {
  it('previews the camera, poses its frames, skips the ones the model is too busy for, and publishes the poses to draw', async () => {
    const { engine: e, model, clock, cam, shown, overlays } = setup();
    await e.startCamera();
    expect(e.getSnapshot().phase).toBe('preview');
    expect(e.getSnapshot().model).toMatchObject({ status: 'ready', backend: 'wasm' });
    expect(shown.at(-1)).not.toBeNull();
    // Five camera frames while the model answers none: two go to it, three are skipped.
    for (let i = 1; i <= 5; i++) {
      clock.advance(33);
      cam.frame(clock.now, i);
      await flush();
    }
    expect(model.pending).toBe(2);
    expect(cam.grabs).toBe(2);
    model.answer(2);
    await flush();
    expect(overlays.filter((o) => o !== null)).toHaveLength(2);
    // Stats reach the UI at most 8 times a second.
    clock.advance(200);
    cam.frame(clock.now, 6);
    await flush();
    model.answer(1);
    await flush();
    const stats = e.getSnapshot().stats!;
    expect(stats.cameraFrames).toBe(6);
    expect(stats.posedFrames).toBe(3);
    expect(stats.droppedShare).toBeCloseTo(0.5, 6);
    expect(e.getSnapshot().frameSize).toEqual({ width: 640, height: 480 });
    e.stopCamera();
    expect(e.getSnapshot().phase).toBe('idle');
    expect(overlays.at(-1)).toBeNull();
    expect(cam.listening).toBe(false);
  });

  it('counts down on its clock, records, stops, stores the file and hands it to the full analysis', async () => {
    const { engine: e, model, clock, cam, analysed } = setup();
    await e.startCamera();
    e.startCountdown(3);
    expect(e.getSnapshot()).toMatchObject({ phase: 'countdown', countdown: 3 });
    clock.advance(2000);
    expect(e.getSnapshot().countdown).toBe(1);
    clock.advance(1000);
    await vi.waitFor(() => expect(e.getSnapshot().phase).toBe('recording'));
    const recordingId = e.getSnapshot().recordingId!;
    const recorder = FakeMediaRecorder.instances[0];
    recorder.emit(new Uint8Array([1, 2, 3]));
    // The live loop keeps posing while recording.
    clock.advance(33);
    cam.frame(clock.now, 1);
    await flush();
    model.answer(1);
    await flush();
    clock.advance(1000);
    expect(e.getSnapshot().elapsedS).toBeGreaterThan(0);
    await e.stopRecording();
    expect(e.getSnapshot().phase).toBe('done');
    expect(analysed).toHaveLength(1);
    expect(analysed[0].recordingId).toBe(recordingId);
    expect(analysed[0].file.size).toBeGreaterThan(0);
    const stored = await store.get(recordingId);
    expect(stored).toMatchObject({ status: 'complete' });
    expect(stored?.analysedAt).not.toBeNull();
  });

  it('keeps what was recorded when the camera is unplugged mid-recording, and says so', async () => {
    const { engine: e, camera } = setup();
    await e.startCamera();
    e.startCountdown(0);
    await vi.waitFor(() => expect(e.getSnapshot().phase).toBe('recording'));
    FakeMediaRecorder.instances[0].emit(new Uint8Array([7]));
    camera.unplug();
    await vi.waitFor(() => expect(e.getSnapshot().phase).toBe('idle'));
    expect(e.getSnapshot().cameraError?.code).toBe('camera_ended');
    expect(e.getSnapshot().notices.at(-1)?.text).toMatch(/camera stopped/i);
    const [rec] = await store.list();
    expect(rec.status).toBe('interrupted');
  });

  it('says how long the tab was hidden while recording, and cancels a countdown when the tab is hidden', async () => {
    const { engine: e, clock, page } = setup();
    await e.startCamera();
    e.startCountdown(5);
    page.setHidden(true);
    expect(e.getSnapshot().phase).toBe('preview');
    page.setHidden(false);
    e.startCountdown(0);
    await vi.waitFor(() => expect(e.getSnapshot().phase).toBe('recording'));
    page.setHidden(true);
    clock.advance(12_000);
    page.setHidden(false);
    expect(e.getSnapshot().notices.at(-1)?.text).toMatch(/background for 12 s/);
    await e.stopRecording();
  });

  it('a model that cannot load still lets the lifter record', async () => {
    const { engine: e } = setup({ failModel: true });
    await e.startCamera();
    await flush();
    expect(e.getSnapshot().model.status).toBe('failed');
    expect(e.getSnapshot().model.error).toMatch(/could not load.*You can still record/);
    e.startCountdown(0);
    await vi.waitFor(() => expect(e.getSnapshot().phase).toBe('recording'));
    await e.stopRecording();
  });

  it('a blocked camera is an error with advice, and no preview', async () => {
    const { engine: e, shown } = setup({ cameraFails: 'NotAllowedError' });
    await e.startCamera();
    expect(e.getSnapshot().phase).toBe('idle');
    expect(e.getSnapshot().cameraError).toMatchObject({ code: 'permission_denied' });
    expect(shown.filter((s) => s !== null)).toHaveLength(0);
  });
});

describe.skipIf(!hasFfmpeg())('live engine, a recording cut off by a closed page', () => {
  it('marks it interrupted, remuxes its raw H.264 chunks into an MP4, and analyses that file', async () => {
    // H.264 in live Matroska, as Chromium's MediaRecorder writes it, in two stored chunks last
    // written a minute ago (no Web Locks here, so staleness tells it was cut off).
    const raw = liveMatroskaH264();
    const then = Date.now() - 60_000;
    const rec = await store.create({ name: 'cut off', mimeType: 'video/x-matroska' }, then);
    const half = Math.floor(raw.length / 2);
    await store.appendChunk(rec.id, 0, raw.slice(0, half).buffer, then);
    await store.appendChunk(rec.id, 1, raw.slice(half).buffer, then);
    const { engine: e, analysed } = setup();
    await vi.waitFor(() => expect(e.getSnapshot().notices.at(-1)?.text).toMatch(/was cut off when the page closed/), { timeout: 10_000 });
    const stored = await store.get(rec.id);
    expect(stored).toMatchObject({ status: 'interrupted', finalized: true, chunkCount: 1, mimeType: 'video/mp4' });
    expect(stored!.durationS).toBeCloseTo(2, 1);
    await e.analyseStored(rec.id);
    expect(analysed).toHaveLength(1);
    expect(analysed[0].file.type).toBe('video/mp4');
    expect(new TextDecoder().decode(new Uint8Array(await analysed[0].file.slice(4, 8).arrayBuffer()))).toBe('ftyp');
  });
});
