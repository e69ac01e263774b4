import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import type { Analysis, PoseTrack } from '../../../src/core/types';
import { AppDexie } from '../../../src/store/app_db';
import { HistoryStore } from '../../../src/store/history_db';
import { progressTrend } from '../../../src/store/history_trends';
import { RecordingStore } from '../../../src/store/recordings_db';
import { HistoryStorageError } from '../../../src/store/storage_errors';
import { syntheticSquat, type SyntheticSquatSpec } from '../../support/synthetic_squat';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packTrack } from '../../../src/store/compact_track';
import type { HistorySession } from '../../../src/store/history_types';

let n = 0;
const opened: { close(): void }[] = [];
function dbName(): string {
  return `test-history-${++n}`;
}
function track<T extends { close(): void }>(x: T): T {
  opened.push(x);
  return x;
}
function freshStore(name = dbName()): HistoryStore {
  return track(new HistoryStore(name));
}

afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const cache = new Map<string, { analysis: Analysis; track: PoseTrack }>();
function squat(spec: SyntheticSquatSpec): { analysis: Analysis; track: PoseTrack } {
  const key = JSON.stringify(spec);
  if (!cache.has(key)) {
    const { track: t } = syntheticSquat({ reps: 3, seed: 7, ...spec });
    cache.set(key, { analysis: analyze(t), track: t });
  }
  return cache.get(key)!;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1);

function videoBlob(size = 4096): Blob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31) % 251;
  return new Blob([bytes], { type: 'video/mp4' });
}

describe('HistoryStore', () => {
  it('saves a set with its analysis, track and kept video, lists it, and opens it again after a reload', async () => {
    const name = dbName();
    const store = freshStore(name);
    const { analysis, track: poseTrack } = squat({ view: 'side', heelLift: { left: 0.08, right: 0.02 } });
    const saved = await store.save({ analysis, track: poseTrack, name: 'monday.mp4', origin: 'upload', note: 'before ankle work', video: videoBlob() }, T0);
    expect(saved).toMatchObject({ name: 'monday.mp4', origin: 'upload', view: 'side', note: 'before ankle work', createdAt: T0, video: { bytes: 4096, mimeType: 'video/mp4' } });
    expect(saved.summary.repCount).toBe(analysis.reps.length);
    store.close();

    const again = freshStore(name);
    const [row] = await again.list();
    expect(row!.id).toBe(saved.id);
    const session = await again.open(saved.id);
    expect(session.analysis.reps.map((r) => r.bottom)).toEqual(analysis.reps.map((r) => r.bottom));
    expect(session.analysis.measurability).toEqual(analysis.measurability);
    expect(session.track.frames).toHaveLength(poseTrack.frames.length);
    const i = poseTrack.frames.findIndex((f) => f.keypoints);
    const original = poseTrack.frames[i]!.keypoints!.find((k) => k.name === 'left_heel')!;
    const back = session.track.frames[i]!.keypoints!.find((k) => k.name === 'left_heel')!;
    // Float32 storage: well under a thousandth of a pixel.
    expect(Math.abs(back.x - original.x)).toBeLessThan(1e-3);
    expect(Math.abs(back.y - original.y)).toBeLessThan(1e-3);
    expect(new Uint8Array(await session.video!.arrayBuffer())).toEqual(new Uint8Array(await videoBlob().arrayBuffer()));
  });

  it('keeps the video only when asked, frees it on request, and counts what is stored', async () => {
    const store = freshStore();
    const { analysis, track: t } = squat({ view: 'front' });
    const a = await store.save({ analysis, track: t, name: 'a.mp4', origin: 'upload' }, T0);
    const b = await store.save({ analysis, track: t, name: 'b.webm', origin: 'recording' }, T0 + DAY);
    expect(a.video).toBeNull();
    expect((await store.open(a.id)).video).toBeNull();
    await store.keepVideo(b.id, videoBlob(10_000));
    let usage = await store.usage();
    expect(usage).toMatchObject({ sessions: 2, videos: 1, videoBytes: 10_000 });
    expect(usage.dataBytes).toBeGreaterThan(0);
    await store.setNote(a.id, 'after 2 weeks of ankle mobility');
    expect((await store.get(a.id))!.note).toBe('after 2 weeks of ankle mobility');
    await store.dropVideo(b.id);
    usage = await store.usage();
    expect(usage).toMatchObject({ sessions: 2, videos: 0, videoBytes: 0 });
    expect((await store.open(b.id)).video).toBeNull();
    // The numbers stay when the video goes.
    expect((await store.open(b.id)).analysis.reps).toHaveLength(analysis.reps.length);
  });

  it('upgrades a version-1 database (recordings only) without losing a recording', async () => {
    const name = dbName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ recordings: 'id, createdAt, status', chunks: '[recordingId+seq], recordingId' });
    await v1.table('recordings').add({ id: 'rec-1', name: 'old set', createdAt: 1, updatedAt: 1, mimeType: 'video/webm', status: 'complete', chunkCount: 1, bytes: 3, durationS: 1, width: 1, height: 1, note: null, finalized: true, liveReps: null, liveTrack: null, analysedAt: null });
    await v1.table('chunks').add({ recordingId: 'rec-1', seq: 0, data: new Uint8Array([1, 2, 3]).buffer });
    v1.close();

    const history = freshStore(name);
    const { analysis, track: t } = squat({ view: 'side' });
    await history.save({ analysis, track: t, name: 'x', origin: 'upload' });
    const recordings = track(new RecordingStore(name));
    expect((await recordings.list()).map((r) => r.id)).toEqual(['rec-1']);
    expect([...new Uint8Array(await (await recordings.getFile('rec-1')).arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await history.list()).toHaveLength(1);
  });

  it('trend query: knee valgus only from front-view sessions, heel lift from both, with the differences', async () => {
    const store = freshStore();
    const front1 = squat({ view: 'front', valgusDeg: { left: 14, right: 2 }, seed: 1 });
    const side = squat({ view: 'side', heelLift: { left: 0.1, right: 0.01 }, seed: 2 });
    const front2 = squat({ view: 'front', valgusDeg: { left: 6, right: 2 }, seed: 3 });
    const s1 = await store.save({ ...front1, name: 'march', origin: 'upload' }, T0);
    const s2 = await store.save({ ...side, name: 'april', origin: 'upload' }, T0 + 30 * DAY);
    const s3 = await store.save({ ...front2, name: 'may', origin: 'upload' }, T0 + 60 * DAY);
    const sessions = await store.list();
    expect(sessions.map((s) => s.id)).toEqual([s1.id, s2.id, s3.id]);

    const valgus = progressTrend(sessions, 'kneeValgusDeg');
    expect(valgus.points.map((p) => p.sessionId)).toEqual([s1.id, s3.id]);
    expect(valgus.views).toEqual(['front']);
    expect(valgus.excluded).toHaveLength(1);
    expect(valgus.excluded[0]).toMatchObject({ sessionId: s2.id, view: 'side' });
    expect(valgus.excluded[0]!.reason).toMatch(/front view/);
    // The left knee caved in less in May than in March; the difference is the two points'.
    const left = valgus.sinceLast.left!;
    expect(left.delta).toBeCloseTo(valgus.points[1]!.values.left!.value - valgus.points[0]!.values.left!.value, 9);
    expect(left.delta).toBeLessThan(-3);
    expect(valgus.sinceFirst.left!.from.sessionId).toBe(s1.id);

    const reps = progressTrend(sessions, 'reps');
    expect(reps.points.map((p) => p.values.none!.value)).toEqual([front1, side, front2].map((x) => x.analysis.reps.length));
    expect(reps.excluded).toEqual([]);
  });

  it('exports everything to one file and imports it elsewhere without duplicates, videos included when chosen', async () => {
    const home = freshStore();
    const { analysis, track: t } = squat({ view: 'side', heelLift: { left: 0.06, right: 0.0 } });
    const kept = await home.save({ analysis, track: t, name: 'kept.mp4', origin: 'upload', video: videoBlob(2048), note: 'with video' }, T0);
    const plain = await home.save({ analysis, track: t, name: 'plain.mp4', origin: 'upload', video: videoBlob(1024) }, T0 + DAY);
    const file = await home.exportBackup({ videoIds: [kept.id] });
    expect(file.type).toBe('application/zip');

    const other = freshStore();
    expect(await other.importBackup(file)).toEqual({ added: 2, skipped: 0 });
    const rows = await other.list();
    expect(rows.map((r) => [r.id, r.name, r.note])).toEqual([
      [kept.id, 'kept.mp4', 'with video'],
      [plain.id, 'plain.mp4', ''],
    ]);
    // Only the chosen video travelled.
    expect(rows[0]!.video).toEqual({ bytes: 2048, mimeType: 'video/mp4' });
    expect(rows[1]!.video).toBeNull();
    const back = await other.open(kept.id);
    expect(new Uint8Array(await back.video!.arrayBuffer())).toEqual(new Uint8Array(await videoBlob(2048).arrayBuffer()));
    expect(back.analysis.reps.map((r) => r.flags.map((f) => f.fault))).toEqual(analysis.reps.map((r) => r.flags.map((f) => f.fault)));
    expect(back.track.frames.length).toBe(t.frames.length);
    expect(rows[0]!.summary).toEqual(kept.summary);

    // The same file again, and into the browser that made it: nothing new.
    expect(await other.importBackup(file)).toEqual({ added: 0, skipped: 2 });
    expect(await home.importBackup(file)).toEqual({ added: 0, skipped: 2 });
    expect(await other.list()).toHaveLength(2);
  });

  it('reports a full disk in plain words and stores nothing of the set', async () => {
    const db = track(new AppDexie(dbName()));
    db.sessionData.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const store = new HistoryStore(db);
    const { analysis, track: t } = squat({ view: 'side' });
    const error = await store.save({ analysis, track: t, name: 'big.mp4', origin: 'upload' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryStorageError);
    expect((error as HistoryStorageError).code).toBe('quota');
    expect((error as Error).message).toMatch(/^This set could not be saved to your history: the browser's storage for this site is full\. Free space/);
    expect(await db.sessions.count()).toBe(0);
  });

  it('an import that fails halfway leaves nothing of the file behind', async () => {
    const home = freshStore();
    const { analysis, track: t } = squat({ view: 'front' });
    for (let i = 0; i < 3; i++) await home.save({ analysis, track: t, name: `set ${i}`, origin: 'upload' }, T0 + i * DAY);
    const file = await home.exportBackup();

    const db = track(new AppDexie(dbName()));
    const target = new HistoryStore(db);
    const existing = await target.save({ analysis, track: t, name: 'already here', origin: 'upload' }, T0 - DAY);
    let writes = 0;
    db.sessionData.hook('creating', () => {
      writes += 1;
      if (writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await target.importBackup(file).catch((e: unknown) => e);
    expect((error as HistoryStorageError).code).toBe('quota');
    expect((error as Error).message).toMatch(/nothing of it was kept/);
    // Two of the three had been written inside the transaction: both are gone again.
    expect(writes).toBe(3);
    expect((await target.list()).map((s) => s.id)).toEqual([existing.id]);
    expect(await db.sessionData.count()).toBe(1);
  });

  it('refuses a cut-off or foreign file whole, saying so', async () => {
    const home = freshStore();
    const { analysis, track: t } = squat({ view: 'front' });
    await home.save({ analysis, track: t, name: 'a', origin: 'upload' });
    const bytes = new Uint8Array(await (await home.exportBackup()).arrayBuffer());
    const target = freshStore();
    const cut = await target.importBackup(new Blob([bytes.slice(0, bytes.length >> 1)])).catch((e: unknown) => e);
    expect((cut as HistoryStorageError).code).toBe('bad_file');
    expect((cut as Error).message).toMatch(/could not be imported: .*Nothing was changed/);
    const foreign = await target.importBackup(new Blob(['{"hello": 1}'])).catch((e: unknown) => e);
    expect((foreign as HistoryStorageError).code).toBe('bad_file');
    expect(await target.list()).toEqual([]);
  });

  it('deletes everything in one go, except a recording still being made', async () => {
    const name = dbName();
    const history = freshStore(name);
    const recordings = track(new RecordingStore(name));
    const { analysis, track: t } = squat({ view: 'front' });
    await history.save({ analysis, track: t, name: 'a', origin: 'upload', video: videoBlob() });
    const done = await recordings.create({ name: 'done', mimeType: 'video/webm' });
    await recordings.appendChunk(done.id, 0, new Blob([new Uint8Array([1])]));
    await recordings.finish(done.id, { status: 'complete' });
    const live = await recordings.create({ name: 'live', mimeType: 'video/webm' });
    expect(await history.deleteEverything()).toEqual({ sessions: 1, recordings: 1 });
    expect(await history.list()).toEqual([]);
    expect((await history.usage()).videoBytes).toBe(0);
    expect((await recordings.list()).map((r) => r.id)).toEqual([live.id]);
  });

  it('reads a session stored in Analysis format 1, and summarises it again for the progress view', async () => {
    // A real version-1 file (fixtures/analyses), stored as an older app would have: plain objects.
    const v1 = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/analyses/side-two-reps-good.v1.json'), 'utf8'));
    const db = track(new AppDexie(dbName()));
    const store = new HistoryStore(db);
    const { analysis, track: t } = squat({ view: 'side' });
    const saved = await store.save({ analysis, track: t, name: 'now', origin: 'upload' });
    const old: HistorySession = { ...saved, id: 'old-session', name: 'side-two-reps-good.mp4', createdAt: T0, summaryVersion: 0, analysisFormat: 1, summary: { ...saved.summary, metrics: {} } };
    await db.sessions.add(old);
    await db.sessionData.add({ id: old.id, analysis: v1, track: packTrack(t) });

    const [row] = await store.list();
    expect(row!.id).toBe('old-session');
    expect(row!.summaryVersion).toBe(1);
    expect(row!.summary.repCount).toBe(v1.reps.length);
    // Its knee bend per rep came from the v1 peaks (the near, right leg; the far leg was not seen).
    const peaks: number[] = v1.reps.map((r: { peaks: { kneeFlexionDeg: { right: number | null } } }) => r.peaks.kneeFlexionDeg.right).filter((x: number | null) => x !== null);
    const right = row!.summary.metrics.kneeFlexionDeg!.values.right!;
    expect(right.reps).toBe(peaks.length);
    expect(right.worst).toBeCloseTo(Math.max(...peaks), 9);
    expect(row!.summary.metrics.kneeFlexionDeg!.values.left).toBeUndefined();
    expect(row!.summary.metrics.kneeValgusDeg!.measurable).toBe(false);
    const opened = await store.open('old-session');
    expect(opened.analysis.formatVersion).toBe(2);
    expect(opened.analysis.series.t.length).toBe(v1.frames.length);
    // Written back: the next read does not summarise it again.
    expect((await db.sessions.get('old-session'))!.summaryVersion).toBe(1);
  });

  it('takes a new analysis of the same set (the other person followed), keeping its date, note and video', async () => {
    const store = freshStore();
    const first = squat({ view: 'side' });
    const saved = await store.save({ ...first, name: 'gym.mp4', origin: 'upload', note: 'coach beside me', video: videoBlob() }, T0);
    const again = squat({ view: 'front', reps: 2 });
    const updated = await store.replaceAnalysis(saved.id, again.analysis, again.track);
    expect(updated).toMatchObject({ id: saved.id, createdAt: T0, note: 'coach beside me', view: 'front', video: saved.video });
    expect(updated.summary.repCount).toBe(again.analysis.reps.length);
    const opened = await store.open(saved.id);
    expect(opened.analysis.reps).toHaveLength(again.analysis.reps.length);
    expect(opened.video).not.toBeNull();
    expect(await store.list()).toHaveLength(1);
  });

  it('charts a set at the date it was done (a file from March analysed in June sits in March), and the date can be corrected', async () => {
    const store = freshStore();
    const { analysis, track: t } = squat({ view: 'side' });
    const june = await store.save({ analysis, track: t, name: 'june.mp4', origin: 'upload' }, T0 + 90 * DAY);
    const march = await store.save({ analysis, track: t, name: 'march.mp4', origin: 'upload', performedAt: T0 }, T0 + 91 * DAY);
    expect((await store.list()).map((s) => s.name)).toEqual(['march.mp4', 'june.mp4']);
    expect(progressTrend(await store.list(), 'reps').points.map((p) => p.t)).toEqual([T0, T0 + 90 * DAY]);
    await store.setPerformedAt(march.id, T0 + 120 * DAY);
    expect((await store.list()).map((s) => s.id)).toEqual([june.id, march.id]);
  });
});
