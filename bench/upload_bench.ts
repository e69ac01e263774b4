/**
 * Uploads on every core (issue 11): the built app's real analyzeVideoFile in headless Chromium,
 * decoding and posing in pose workers, on a shared clip, for lite and full, with every candidate
 * way of using the cores measured side by side in ONE page:
 *
 *   1 worker x 1 wasm thread   the baseline (what tfjs does by itself on 2 cores)
 *   1 worker x N threads       XNNPACK's thread pool inside the model
 *   N workers x 1 thread       contiguous parts of the clip, one per worker
 *   N workers x N threads      both
 *
 * N = the machine's logical cores. Runs alternate between candidates (a thread count is fixed once a
 * worker's wasm starts, so candidates with the same thread count alternate inside a block, and
 * blocks alternate ABAB), so load from other processes on a shared machine hits all alike.
 * Reported: frames per second and real-time factor, speed-up over the baseline, throughput against
 * the raw single-thread model rate (bench/run.ts's figure), the page's main-thread time per frame
 * (Chromium's own TaskDuration, via the DevTools protocol), and the seams.
 *
 * Then, in a fresh browser, the peak memory of Chromium while analysing a 20 s and a 60 s 1080p
 * clip made here from a shared clip with ffmpeg: flat in the clip's length when no frame is kept.
 *
 * Run alone: npx tsx bench/upload_bench.ts [--clip side-two-reps-good.mp4] [--blocks 2] [--no-memory | --only-memory]
 *   [--memory-seconds 20,60] [--workers 2,3] [--threads 1] [--models lite]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './bench_types';
import { launchedChromiumPid, mainThreadTaskSeconds, treeCpuMs, treePssMB, treeThreadCpuMs } from './chromium_processes';

const UPLOAD_BENCH_PORT = 5351;
const SECTION = 'upload (Chromium)';
const MEMORY_SECTION = 'upload memory (Chromium, 1080p)';
const defaultArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Issue 11's targets on this 2-core machine, for a 30 fps clip. */
const REAL_TIME_TARGET = { lite: 1.8, full: 1.2 } as const;
const RAW_RATE_TARGET = 1.6;

export interface UploadBenchOptions {
  clip?: string;
  blocks?: number;
  memory?: boolean;
  onlyMemory?: boolean;
  memorySeconds?: [number, number];
  /** Worker counts to compare (default 1 and the core count); e.g. [2, 3] to try more workers than cores. */
  workers?: number[];
  /** wasm thread counts per worker (default 1 and the core count). */
  threads?: number[];
  models?: ('lite' | 'full')[];
}

interface Candidate {
  workers: number;
  wasmThreads: number;
  /** Parts cut at even times, not moved onto key frames (the split before alignSeamsToKeyFrames). */
  evenSeams?: boolean;
  /** Tracked frames' landmark input cut by pose-detection from a whole-frame tensor (the path before landmarks_in_region.ts). */
  landmarkCrop?: 'tfjs';
}

interface PageRun {
  frames: number;
  framesWithPose: number;
  loopMs: number;
  setupMs: number;
  framesPerSecond: number;
  mainThreadMs: number;
  workers: number;
  wasmThreads: number | null;
  seamGapsPx: number[];
  redoneParts: number;
  tensorsAfter: number;
  clipFps: number;
  backend: string;
  backendReason: string;
  /** Chromium's main-thread task time over the call, ms (DevTools Performance.getMetrics TaskDuration). */
  taskMs: number;
  /** CPU time of Chromium's whole process tree over the call (every thread: decoder, workers, page), ms. */
  cpuMs: number;
  /** The same by process type and thread name (chromium_processes.ts treeThreadCpuMs), ms. */
  cpuByThreadMs: Record<string, number>;
  /** Summed over the workers, ms: in the model, turning decoded frames into pixels, waiting for the decoder. */
  poseMs: number;
  prepMs: number;
  decodeWaitMs: number;
  /** Frames posed twice (each part's warm-up before its seam). */
  extraFrames: number;
  /** When each part's worker finished, ms into the frame loop: the spread is a core left idle. */
  partEndsMs: number[];
  /** Seams whose part's warm-up was moved to start on a key frame. */
  seamsAtKeyFrames: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The threads that took most CPU per frame in the median-CPU run, as text ("renderer/DedicatedWorker 24.1 ms, ..."). */
function threadShare(list: PageRun[]): string {
  const sorted = [...list].sort((a, b) => a.cpuMs - b.cpuMs);
  const r = sorted[Math.floor((sorted.length - 1) / 2)];
  const top = Object.entries(r.cpuByThreadMs)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
  const shown = top.slice(0, 6).map(([name, ms]) => `${name} ${(ms / r.frames).toFixed(1)} ms`);
  const rest = top.slice(6).reduce((n, [, ms]) => n + ms, 0);
  return `${shown.join(', ')}${rest > 0 ? `, the rest ${(rest / r.frames).toFixed(1)} ms` : ''}`;
}

/** A worker-side time per frame posed (warm-up frames included), median over the runs, as text. */
function perPosed(list: PageRun[], key: 'poseMs' | 'prepMs' | 'decodeWaitMs'): string {
  return median(list.map((r) => r[key] / (r.frames + r.extraFrames))).toFixed(1);
}

const label = (c: Candidate) =>
  `${c.workers} worker${c.workers === 1 ? '' : 's'} x ${c.wasmThreads} thread${c.wasmThreads === 1 ? '' : 's'}${c.evenSeams ? ', seams at even times (not on key frames)' : ''}${c.landmarkCrop ? ", landmark crop by pose-detection's whole-frame tensor" : ''}`;

/** The app's default (video_pose_pool.ts defaultUploadPoseConfig), read from the page. */
async function appDefault(page: Page): Promise<Candidate> {
  return page.evaluate(() => (window as unknown as { __squatDebug: { uploadPoseConfig: () => Candidate } }).__squatDebug.uploadPoseConfig());
}

async function startApp(repoRoot: string, chromiumPath: string, args: string[]) {
  const { build, preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'squat-upload-bench-dist-'));
  await build({ root: repoRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: repoRoot, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: UPLOAD_BENCH_PORT, strictPort: false } });
  const address = server.httpServer.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : UPLOAD_BENCH_PORT}`;
  const launchBrowser = () => chromium.launch({ executablePath: chromiumPath, headless: true, args });
  return {
    origin,
    launchBrowser,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the app with `clips` served from memory at /__bench/<name>, and the off-origin guard on.
 * Service workers are blocked: a build registers one that precaches ~19 MB right after the first
 * load, which would overlap the first measurements (and its memory the baseline).
 */
async function openApp(browser: Browser, origin: string, clips: Record<string, string>, offOrigin: string[]): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) offOrigin.push(u);
  });
  for (const [name, file] of Object.entries(clips)) {
    const bytes = readFileSync(file);
    await page.route(`**/__bench/${name}`, (route) => route.fulfill({ status: 200, contentType: 'video/mp4', body: bytes }));
  }
  await page.goto(origin);
  await page.waitForFunction(() => 'analyzeVideoFile' in ((window as unknown as { __squatDebug?: object }).__squatDebug ?? {}));
  return page;
}

async function analyseIn(page: Page, clip: string, model: string, pose: Candidate | null): Promise<Omit<PageRun, 'taskMs' | 'cpuMs' | 'cpuByThreadMs'>> {
  return page.evaluate(
    async ([clipName, m, p]) => {
      type Stats = { poseMs: number; prepMs: number; decodeWaitMs: number; extraFrames: number; frames: number; loopMs: number; setupMs: number; framesPerSecond: number; mainThreadMs: number; workers: number; wasmThreads?: number; seams: { medianGapPx: number | null }[]; redoneParts: number; tensorsAfter: number; partEndsMs: number[]; seamsAtKeyFrames: number };
      const debug = (window as unknown as { __squatDebug: { analyzeVideoFile: (b: Blob, o: object) => Promise<{ track: { frames: { keypoints: unknown }[] }; stats: Stats; backend: string; backendReason: string; probe: { fps: number } }> } }).__squatDebug;
      const blob = await (await fetch(`/__bench/${clipName}`)).blob();
      // A progress listener like the app's, so its cost on this thread is counted. (Kept in an
      // array: tsx would wrap a named arrow in a helper that does not exist inside the page.)
      // Phase changes are logged so the runner can read Chromium's main-thread counters around
      // the frame loop alone (probe before it, core analysis after it).
      const seen: string[] = [];
      const listeners = [
        (x: { phase: string }) => {
          if (seen.at(-1) !== x.phase) {
            seen.push(x.phase);
            console.debug(`__bench_phase:${x.phase}`);
          }
        },
      ];
      const pose = p ? { workers: p.workers, wasmThreads: p.wasmThreads, ...(p.landmarkCrop ? { landmarkCrop: p.landmarkCrop } : {}) } : null;
      // The app's split (video_parts.ts DEFAULT_SPLIT), with or without the key-frame seams.
      const split = p?.evenSeams ? { keyFrameSeams: false } : null;
      const r = await debug.analyzeVideoFile(blob, { name: clipName, model: m, ...(pose ? { pose } : {}), ...(split ? { split } : {}), onProgress: listeners[0] });
      const s = r.stats;
      return {
        frames: s.frames,
        framesWithPose: r.track.frames.filter((f) => f.keypoints).length,
        loopMs: s.loopMs,
        setupMs: s.setupMs,
        framesPerSecond: s.framesPerSecond,
        mainThreadMs: s.mainThreadMs,
        workers: s.workers,
        wasmThreads: s.wasmThreads ?? null,
        seamGapsPx: s.seams.map((x) => x.medianGapPx ?? NaN),
        redoneParts: s.redoneParts,
        tensorsAfter: s.tensorsAfter,
        poseMs: s.poseMs,
        prepMs: s.prepMs,
        decodeWaitMs: s.decodeWaitMs,
        extraFrames: s.extraFrames,
        partEndsMs: s.partEndsMs,
        seamsAtKeyFrames: s.seamsAtKeyFrames,
        clipFps: r.probe.fps,
        backend: r.backend,
        backendReason: r.backendReason,
      };
    },
    [clip, model, pose] as const,
  );
}

/** A `seconds` long 1080x1920 30 fps H.264 clip: the shared clip looped and scaled up. */
function make1080pClip(source: string, seconds: number, dir: string): string {
  const out = path.join(dir, `bench-1080p-${seconds}s.mp4`);
  execFileSync(
    'ffmpeg',
    ['-loglevel', 'error', '-y', '-stream_loop', '-1', '-i', source, '-t', String(seconds), '-vf', 'scale=1080:1920,fps=30', '-an', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '26', '-pix_fmt', 'yuv420p', out],
    { stdio: 'pipe' },
  );
  return out;
}

export async function benchUpload(
  ctx?: Partial<BenchContext>,
  options: UploadBenchOptions = {},
): Promise<BenchRow[]> {
  const repoRoot = ctx?.repoRoot ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const clipsDir = ctx?.clipsDir ?? path.resolve(repoRoot, '../shared/fixtures/clips');
  const chromiumPath = ctx?.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const clipName = options.clip ?? 'side-two-reps-good.mp4';
  const clipPath = path.join(clipsDir ?? '', clipName);
  const blocks = Math.max(1, options.blocks ?? 2);
  if (!clipsDir || !existsSync(clipPath)) return [{ section: SECTION, name: 'upload pipeline', value: null, unit: '', note: `not available: ${clipPath} absent` }];
  if (!existsSync(chromiumPath)) return [{ section: SECTION, name: 'upload pipeline', value: null, unit: '', note: `not available: no Chromium at ${chromiumPath}` }];

  const rows: BenchRow[] = [];
  const cores = os.cpus().length;
  const app = await startApp(repoRoot, chromiumPath, ctx?.chromiumArgs ?? defaultArgs);
  const offOrigin: string[] = [];
  const loadStart = os.loadavg()[0];
  try {
    if (!options.onlyMemory) rows.push(...(await benchCandidates(app, ctx, clipName, clipPath, blocks, offOrigin, options)));
    if (options.memory !== false) rows.push(...(await benchMemory(app, clipPath, offOrigin, options.memorySeconds ?? [20, 60])));
    rows.push({ section: SECTION, name: 'requests outside the page origin', value: offOrigin.length, unit: '', target: '0', meetsTarget: offOrigin.length === 0, note: offOrigin.slice(0, 3).join(' ') });
    rows.push({ section: SECTION, name: 'conditions', value: null, unit: '', note: `${cores} CPUs; load average ${loadStart.toFixed(1)} at the start of this section, ${os.loadavg()[0].toFixed(1)} at its end` });
  } catch (error) {
    rows.push({ section: SECTION, name: 'upload pipeline', value: null, unit: '', note: `failed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    await app.close();
  }
  return rows;
}

/** Every candidate (workers x threads) for lite and full, side by side in one page. */
async function benchCandidates(
  app: Awaited<ReturnType<typeof startApp>>,
  ctx: Partial<BenchContext> | undefined,
  clipName: string,
  clipPath: string,
  blocks: number,
  offOrigin: string[],
  options: UploadBenchOptions,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cores = os.cpus().length;
  const threadCounts = [...new Set(options.threads ?? [1, cores])];
  const workerCounts = [...new Set(options.workers ?? [1, cores])];
  const browser = await app.launchBrowser();
  try {
    const page = await openApp(browser, app.origin, { [clipName]: clipPath }, offOrigin);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const kept = await appDefault(page);
    // Main-thread task time read when the frame loop starts and when it ends (phase changes
    // logged by the page; the read lags the change by a few ms of a loop of seconds).
    const marks = new Map<string, Promise<number>>();
    page.on('console', (msg) => {
      const m = /^__bench_phase:(.+)$/.exec(msg.text());
      if (m) marks.set(m[1], mainThreadTaskSeconds(cdp).catch(() => NaN)); // a message may arrive as the page closes
    });
    const chromiumPid = launchedChromiumPid();
    const run = async (model: string, c: Candidate): Promise<PageRun> => {
      marks.clear();
      const cpuStart = chromiumPid ? treeCpuMs(chromiumPid) : NaN;
      const threadsStart = chromiumPid ? treeThreadCpuMs(chromiumPid) : new Map<string, number>();
      const r = await analyseIn(page, clipName, model, c);
      const cpuMs = chromiumPid ? treeCpuMs(chromiumPid) - cpuStart : NaN;
      const cpuByThreadMs: Record<string, number> = {};
      for (const [name, ms] of chromiumPid ? treeThreadCpuMs(chromiumPid) : []) cpuByThreadMs[name] = ms - (threadsStart.get(name) ?? 0);
      const start = await marks.get('analysing');
      const end = await marks.get('analysing-movement');
      return { ...r, cpuMs, cpuByThreadMs, taskMs: start !== undefined && end !== undefined ? (end - start) * 1000 : NaN };
    };
    for (const model of options.models ?? (['lite', 'full'] as const)) {
      const results = new Map<string, { candidate: Candidate; list: PageRun[] }>();
      const coldLoads: number[] = [];
      for (let b = 0; b < blocks; b++) {
        for (const wasmThreads of threadCounts) {
          // A new thread count loads new workers: this run loads and warms them, unmeasured.
          const warm = await run(model, { workers: Math.max(...workerCounts), wasmThreads });
          coldLoads.push(warm.setupMs);
          for (const workers of workerCounts) {
            // Several workers on one wasm thread each also run with the old even-time seams.
            for (const evenSeams of workers > 1 && wasmThreads === 1 ? [false, true] : [false]) {
              const c = { workers, wasmThreads, ...(evenSeams ? { evenSeams } : {}) };
              const list = results.get(label(c))?.list ?? [];
              results.set(label(c), { candidate: c, list: [...list, await run(model, c)] });
            }
          }
        }
        // The kept configuration with pose-detection's own landmark crop: other workers (the
        // crop is fixed when a worker starts), loaded and warmed by an unmeasured run first, then
        // the app's workers again for the next block.
        if (threadCounts.includes(kept.wasmThreads) && workerCounts.includes(kept.workers)) {
          const c: Candidate = { workers: kept.workers, wasmThreads: kept.wasmThreads, landmarkCrop: 'tfjs' };
          await run(model, c);
          const list = results.get(label(c))?.list ?? [];
          results.set(label(c), { candidate: c, list: [...list, await run(model, c)] });
          await run(model, { workers: kept.workers, wasmThreads: kept.wasmThreads });
        }
      }
      const raw = ctx?.rawChromiumMsPerFrame?.[model];
      const baseRuns = results.get(label({ workers: 1, wasmThreads: 1 }))?.list;
      const base = baseRuns ? median(baseRuns.map((r) => r.framesPerSecond)) : NaN;
      for (const [name, { candidate, list }] of results) {
        const fps = median(list.map((r) => r.framesPerSecond));
        const first = list[0];
        const realTime = fps / first.clipFps;
        const isKept = first.workers === kept.workers && (first.wasmThreads ?? 1) === kept.wasmThreads && !candidate.evenSeams && !candidate.landmarkCrop;
        const tag = `blazepose-${model} ${name}${isKept ? ' (kept)' : ''}`;
        const rawRate = raw ? (fps * raw) / 1000 : null;
        rows.push({
          section: SECTION,
          name: `${tag}: frames per second`,
          value: fps,
          unit: '/s',
          note:
            `median of ${list.length} runs over all ${first.frames} frames of ${clipName}; pose on ${first.framesWithPose}/${first.frames}; ${first.backend}, ${first.wasmThreads ?? '?'} wasm thread(s) per worker as reported by tfjs; ` +
            `per frame posed, in each worker (median run): model ${perPosed(list, 'poseMs')} ms, pixels ${perPosed(list, 'prepMs')} ms, waiting for the decoder ${perPosed(list, 'decodeWaitMs')} ms; ${first.extraFrames} warm-up frames posed twice` +
            (first.workers > 1
              ? `; the parts' workers finished ${median(list.map((r) => Math.max(...r.partEndsMs) - Math.min(...r.partEndsMs))).toFixed(0)} ms apart (median run), one core idle meanwhile; ${first.seamsAtKeyFrames} of ${first.workers - 1} seams on key frames`
              : ''),
        });
        rows.push({
          section: SECTION,
          name: `${tag}: real-time factor (clip ${first.clipFps.toFixed(0)} fps)`,
          value: realTime,
          unit: 'x',
          ...(isKept ? { target: `>= ${REAL_TIME_TARGET[model]}x`, meetsTarget: realTime >= REAL_TIME_TARGET[model] } : {}),
        });
        rows.push({ section: SECTION, name: `${tag}: speed-up over 1 worker x 1 thread (same page)`, value: Number.isFinite(base) ? fps / base : null, unit: 'x' });
        rows.push({
          section: SECTION,
          name: `${tag}: throughput / raw single-thread model rate`,
          value: rawRate,
          unit: 'x',
          ...(isKept && rawRate !== null ? { target: `>= ${RAW_RATE_TARGET}x`, meetsTarget: rawRate >= RAW_RATE_TARGET } : {}),
          note: raw ? `pipeline ${(1000 / fps).toFixed(1)} ms/frame vs raw ${raw.toFixed(1)} ms/frame (run.ts, page main thread, 1 thread)` : 'raw model time not measured (run.ts --only chromium missing)',
        });
        // Every core's time a frame costs, against what the cores could give it: one posed frame
        // per (cores / frames per second) of wall time.
        const cpuPerFrame = median(list.map((r) => r.cpuMs / r.frames));
        rows.push({
          section: SECTION,
          name: `${tag}: CPU ms per frame, all of Chromium`,
          value: Number.isFinite(cpuPerFrame) ? cpuPerFrame : null,
          unit: 'ms',
          note:
            `from /proc, every thread of every Chromium process over the call (probe and analysis included), / frames; the ${cores} cores give ${((cores * 1000) / fps).toFixed(1)} ms per frame at this rate${raw ? `; the raw loop's model alone takes ${raw.toFixed(1)} ms` : ''}; ` +
            `by thread (median run): ${threadShare(list)}`,
        });
        const ceiling = ctx?.parallelModelFps?.[model];
        rows.push({
          section: SECTION,
          name: `${tag}: throughput / bare model loops on every core at once`,
          value: ceiling ? fps / ceiling : null,
          unit: 'x',
          note: ceiling
            ? `${fps.toFixed(1)} against ${ceiling.toFixed(1)} frames/s (run.ts: one bare loop per core, frames in memory, nothing decoded): how much of what the cores give the model this pipeline keeps`
            : 'not measured (run.ts --only chromium missing)',
        });
        rows.push({
          section: SECTION,
          name: `${tag}: main-thread ms per frame`,
          value: median(list.map((r) => r.taskMs / r.frames)),
          unit: 'ms',
          note: `Chromium's main-thread task time (DevTools TaskDuration) over the frame loop / frames; the pipeline's own handlers (collecting keypoints, progress) ${median(list.map((r) => r.mainThreadMs / r.frames)).toFixed(3)} ms`,
        });
        const gaps = list.flatMap((r) => r.seamGapsPx).filter(Number.isFinite);
        if (gaps.length) {
          rows.push({
            section: SECTION,
            name: `${tag}: keypoint gap at the seams (median over seams)`,
            value: median(gaps),
            unit: 'px',
            note: `${gaps.length} seams; parts redone after a seam showing another person: ${list.reduce((n, r) => n + r.redoneParts, 0)}`,
          });
        }
      }
      const keptRuns = results.get(label(kept))?.list;
      const oldCropRuns = results.get(label({ ...kept, landmarkCrop: 'tfjs' }))?.list;
      if (keptRuns?.length && oldCropRuns?.length) {
        const fpsOf = (list: PageRun[]) => median(list.map((r) => r.framesPerSecond));
        const poseOf = (list: PageRun[]) => median(list.map((r) => r.poseMs / (r.frames + r.extraFrames)));
        rows.push({
          section: SECTION,
          name: `blazepose-${model} ${label(kept)}: landmark crop from the bytes over pose-detection's crop (same page)`,
          value: fpsOf(keptRuns) / fpsOf(oldCropRuns),
          unit: 'x',
          note: `${fpsOf(keptRuns).toFixed(1)} against ${fpsOf(oldCropRuns).toFixed(1)} frames/s; model step per frame posed ${poseOf(keptRuns).toFixed(1)} against ${poseOf(oldCropRuns).toFixed(1)} ms (${keptRuns.length} and ${oldCropRuns.length} runs)`,
        });
      }
      rows.push({ section: SECTION, name: `blazepose-${model}: loading the workers (cold), median`, value: median(coldLoads), unit: 'ms', note: `probe + ${Math.max(...workerCounts)} workers: fetch, compile, model load; ${coldLoads.length} loads` });
    }
    rows.push({ section: SECTION, name: 'kept configuration (app default on this machine)', value: null, unit: '', note: `${label(kept)}; ${cores} logical cores` });
  } finally {
    await browser.close();
  }
  return rows;
}

/** Peak PSS of the whole browser while the app analyses a 20 s and a 60 s 1080p clip (lite, app default). */
async function benchMemory(app: Awaited<ReturnType<typeof startApp>>, source: string, offOrigin: string[], [shortS, longS]: [number, number]): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'squat-upload-bench-clips-'));
  const rows: BenchRow[] = [];
  try {
    const clips = { 'short-1080p.mp4': make1080pClip(source, shortS, dir), 'long-1080p.mp4': make1080pClip(source, longS, dir) };
    const browser = await app.launchBrowser();
    try {
      const pid = launchedChromiumPid();
      if (!pid) return [{ section: MEMORY_SECTION, name: 'peak memory', value: null, unit: '', note: 'not available: no browser process id' }];
      const page = await openApp(browser, app.origin, clips, offOrigin);
      // Loads the workers and warms them up on the short clip first: the baseline is the app ready to analyse.
      await analyseIn(page, 'short-1080p.mp4', 'lite', null);
      await page.waitForTimeout(1000);
      const baseline = treePssMB(pid);
      const peaks: Record<string, { peakMB: number; fps: number; frames: number }> = {};
      const tensors: number[] = [];
      for (const name of ['short-1080p.mp4', 'long-1080p.mp4', 'short-1080p.mp4']) {
        let peak = treePssMB(pid);
        const sampler = setInterval(() => (peak = Math.max(peak, treePssMB(pid))), 250);
        const r = await analyseIn(page, name, 'lite', null).finally(() => clearInterval(sampler));
        peaks[name] = { peakMB: Math.max(peak, treePssMB(pid)), fps: r.framesPerSecond, frames: r.frames };
        tensors.push(r.tensorsAfter);
      }
      const short = peaks['short-1080p.mp4'];
      const long = peaks['long-1080p.mp4'];
      rows.push({ section: MEMORY_SECTION, name: 'Chromium PSS, app loaded and idle (baseline)', value: baseline, unit: 'MB', note: 'all of the browser’s processes; PSS splits shared pages between their users' });
      rows.push({ section: MEMORY_SECTION, name: `peak PSS while analysing ${shortS} s (${short.frames} frames)`, value: short.peakMB, unit: 'MB', note: `${(short.peakMB - baseline).toFixed(0)} MB over the baseline; ${short.fps.toFixed(1)} frames/s` });
      rows.push({ section: MEMORY_SECTION, name: `peak PSS while analysing ${longS} s (${long.frames} frames)`, value: long.peakMB, unit: 'MB', note: `${(long.peakMB - baseline).toFixed(0)} MB over the baseline; ${long.fps.toFixed(1)} frames/s (${(long.fps / 30).toFixed(2)}x real time)` });
      rows.push({ section: MEMORY_SECTION, name: 'Chromium PSS after the three analyses, idle', value: treePssMB(pid), unit: 'MB', note: `tfjs tensors alive in a worker after each analysis: ${tensors.join(', ')} (the same each time: none leak)` });
      rows.push({
        section: MEMORY_SECTION,
        name: `growth over the baseline, ${longS} s / ${shortS} s`,
        value: (long.peakMB - baseline) / Math.max(1, short.peakMB - baseline),
        unit: 'x',
        target: `flat in the clip length (~1x; ${(longS / shortS).toFixed(0)}x would mean frames are kept)`,
        meetsTarget: (long.peakMB - baseline) / Math.max(1, short.peakMB - baseline) < 1.5,
      });
    } finally {
      await browser.close();
    }
  } catch (error) {
    rows.push({ section: MEMORY_SECTION, name: 'peak memory', value: null, unit: '', note: `failed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// Standalone: print the rows.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(`--${k}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const memorySeconds = arg('memory-seconds')?.split(',').map(Number) as [number, number] | undefined;
  benchUpload(undefined, {
    clip: arg('clip'),
    blocks: arg('blocks') ? Number(arg('blocks')) : undefined,
    memory: !process.argv.includes('--no-memory'),
    onlyMemory: process.argv.includes('--only-memory'),
    memorySeconds,
    workers: arg('workers')?.split(',').map(Number),
    threads: arg('threads')?.split(',').map(Number),
    models: arg('models')?.split(',') as ('lite' | 'full')[] | undefined,
  }).then((rows) => {
    for (const r of rows) {
      const value = r.value === null ? 'n/a' : r.unit === 'x' ? `${r.value.toFixed(2)}x` : `${r.value.toFixed(2)} ${r.unit}`;
      console.log(`${r.name}: ${value}${r.target ? ` (target ${r.target}: ${r.meetsTarget ? 'met' : 'NOT met'})` : ''}${r.note ? ` — ${r.note}` : ''}`);
    }
  });
}
