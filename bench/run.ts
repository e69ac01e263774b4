/**
 * npm run bench: pose speed on this machine, printed as a table and written to
 * bench/results/latest.json. The issues' targets are printed beside the figures, never asserted.
 *
 *  (a) Node, wasm: createNodePoseEstimator().estimate() over 60 frames of a shared clip (after
 *      10 warm-up frames), lite and full: median ms/frame.
 *  (b) Headless Chromium (Debian's /usr/bin/chromium via playwright-core), the same loop on a built
 *      bench page (bench/pose_bench.html), one wasm thread (set explicitly): on the page's main
 *      thread ("raw", the single-thread model time the other sections compare against) and through
 *      the app's Web Worker client ("worker": ImageBitmap transfer + worker hop included); then
 *      the bare loop in one Web Worker and in one per core at once, frames in memory (the most
 *      the cores give the model alone: the ceiling for the upload's ratio to the raw rate).
 *  (c) bench/upload_bench.ts benchUpload() (uploads: every way of using the cores, side by side,
 *      and peak memory on 1080p clips), bench/analyze_bench.ts benchAnalyzeRows() (analyze() on one
 *      hour at 60 fps, with its targets), bench/live_bench.ts benchLive() (the live loop, preview
 *      and recording).
 *
 * The machine is shared: load average before and after is recorded with the figures.
 *   npm run bench [-- --frames 60 --warmup 10 --clip side-two-reps-good.mp4 --only node|chromium --repeat 3]
 * --repeat k runs each pose measurement k times and reports the run with the lowest median, with
 * all k medians in the note: on a shared machine the least disturbed run is the closest to the truth.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext, BenchRow } from './bench_types';
import type { BrowserBenchResult } from './pose_bench_page';
import { CHROMIUM_ARGS, openPoseBenchPage } from './pose_bench_server';
import { createNodePoseEstimator } from '../src/pose/node';
import { POSE_MODELS } from '../src/pose/model_registry';
import type { PoseModelName } from '../src/pose/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clipsDirCandidate = path.resolve(repoRoot, '../shared/fixtures/clips');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BENCH_PORT = 5320; // POSE's port range 5300-5349

interface Options {
  frames: number;
  warmup: number;
  clip: string;
  only: 'node' | 'chromium' | null;
  /** Runs per measurement; the run with the lowest median is reported (the machine may be shared). */
  repeat: number;
}

function parseOptions(argv: string[]): Options {
  const get = (k: string) => {
    const i = argv.indexOf(`--${k}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = get('only');
  return {
    frames: Number(get('frames') ?? 60),
    warmup: Number(get('warmup') ?? 10),
    clip: get('clip') ?? 'side-two-reps-good.mp4',
    only: only === 'node' || only === 'chromium' ? only : null,
    repeat: Math.max(1, Number(get('repeat') ?? 1)),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

interface Frames {
  width: number;
  height: number;
  fps: number;
  count: number;
  rgba: Buffer;
}

/** First n frames of the clip as RGBA in memory (displayed orientation, like the app sees them). */
function decodeFrames(clip: string, n: number): Frames {
  const probe = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=avg_frame_rate', '-of', 'json', clip], { encoding: 'utf8' }),
  ) as { streams: { avg_frame_rate: string }[] };
  const [fn, fd] = probe.streams[0].avg_frame_rate.split('/').map(Number);
  // ffmpeg's autorotate applies the rotation tag, so a 90/270 degree clip decodes with width and height swapped.
  const info = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height:stream_side_data=rotation', '-of', 'json', clip],
    { encoding: 'utf8' },
  );
  const s = (JSON.parse(info) as { streams: { width: number; height: number; side_data_list?: { rotation?: number }[] }[] }).streams[0];
  const rot = Math.abs(s.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0) % 180 === 90;
  const width = rot ? s.height : s.width;
  const height = rot ? s.width : s.height;
  const rgba = execFileSync('ffmpeg', ['-v', 'error', '-i', clip, '-frames:v', String(n), '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], {
    maxBuffer: 1024 * 1024 * 1024,
  });
  const count = Math.floor(rgba.length / (width * height * 4));
  return { width, height, fps: fd ? fn / fd : fn, count, rgba };
}

function realTimeFactor(msPerFrame: number, fps: number): number {
  return 1000 / fps / msPerFrame;
}

async function benchNode(frames: Frames, opts: Options, model: PoseModelName): Promise<{ ms: number[]; cpuMs: number[]; backend: string; person: number }> {
  const est = await createNodePoseEstimator({ model });
  const size = frames.width * frames.height * 4;
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let person = 0;
  for (let i = 0; i < frames.count; i++) {
    const data = new Uint8Array(frames.rgba.buffer, frames.rgba.byteOffset + i * size, size);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const f = await est.estimate({ data, width: frames.width, height: frames.height }, i / frames.fps);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= opts.warmup) {
      ms.push(dt);
      // CPU time of this process: the wasm backend is single-threaded in Node, so on an idle
      // machine this equals wall time, and it is far less disturbed by other processes.
      cpuMs.push((c.user + c.system) / 1000);
      if (f.keypoints) person++;
    }
  }
  const backend = est.backend;
  est.dispose();
  return { ms, cpuMs, backend, person };
}

/**
 * The bare model loop (pose_loop.ts) in one Web Worker, then in one per core at the same time,
 * frames already in memory: what the cores give the model alone, with nothing decoded or copied.
 * No upload can beat it, since an upload also decodes and reads every frame on the same cores, so
 * it is the ceiling to read the upload's "throughput / raw model rate" against. Sets
 * ctx.parallelModelFps.
 */
async function parallelRows(session: Awaited<ReturnType<typeof openPoseBenchPage>>, frames: Frames, opts: Options, ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const section = 'pose, bare loops in workers at once (Chromium)';
  const cores = os.cpus().length;
  for (const model of POSE_MODELS) {
    const byWorkers = new Map<number, number[]>();
    // Alternating 1 and `cores`, so both see the same moments of a shared machine.
    for (let k = 0; k < opts.repeat; k++) {
      for (const workers of [1, cores]) {
        console.error(`Chromium ${workers} bare loop(s) at once ${model}...`);
        const r = await session.runParallel({ model, workers, width: frames.width, height: frames.height, frameCount: frames.count, warmup: opts.warmup, fps: frames.fps });
        // Each worker's median, averaged over the workers: the ms a frame takes while the others run.
        const perWorker = r.msPerFrame.map((ms) => median(ms));
        byWorkers.set(workers, [...(byWorkers.get(workers) ?? []), perWorker.reduce((a, b) => a + b, 0) / perWorker.length]);
      }
    }
    const raw = ctx.rawChromiumMsPerFrame[model];
    for (const [workers, runs] of byWorkers) {
      const ms = Math.min(...runs);
      const fps = (workers * 1000) / ms;
      if (workers === cores) ctx.parallelModelFps[model] = fps;
      const runsNote = opts.repeat > 1 ? `; best of ${opts.repeat} runs (${runs.map((m) => m.toFixed(1)).join(', ')})` : '';
      rows.push({
        section,
        name: `blazepose-${model}, ${workers} worker${workers === 1 ? '' : 's'} at once: median ms/frame in each`,
        value: ms,
        unit: 'ms',
        note: `${fps.toFixed(1)} frames/s in all; frames in memory, nothing decoded${runsNote}`,
      });
      if (workers === cores && raw) {
        rows.push({
          section,
          name: `blazepose-${model}, ${workers} workers at once: throughput / raw single-thread model rate`,
          value: (fps * raw) / 1000,
          unit: 'x',
          note: `the ceiling for the upload's same ratio on this machine; raw ${raw.toFixed(1)} ms/frame on the page main thread`,
        });
      }
    }
  }
  return rows;
}

function fmt(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return 'n/a';
  if (unit === 'x') return `${v.toFixed(2)}x`;
  return `${Number.isInteger(v) ? String(v) : v.toFixed(1)}${unit ? ` ${unit}` : ''}`;
}

function printTable(rows: BenchRow[]): void {
  const cols = rows.map((r) => [
    r.section,
    r.name,
    fmt(r.value, r.unit),
    r.target ? `${r.target}${r.meetsTarget === undefined ? '' : r.meetsTarget ? ' (met)' : ' (NOT met)'}` : '',
    r.note ?? '',
  ]);
  const head = ['section', 'measure', 'value', 'target', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cols.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cols) console.log(line(c));
}

/** Units from a field name's suffix (medianMs, heapMB, framesPerSecond), for sections returning a plain object. */
function unitFromKey(key: string): string {
  if (/Ms$/.test(key)) return 'ms';
  if (/MB$/.test(key)) return 'MB';
  if (/PerSecond$|Fps$/i.test(key)) return '/s';
  if (/Ratio$/i.test(key)) return 'x';
  return '';
}

/** Accepts BenchRow[] (preferred) or a plain object of numbers/strings, turned into rows. */
export function toRows(section: string, result: unknown): BenchRow[] {
  if (Array.isArray(result)) return result as BenchRow[];
  if (result && typeof result === 'object') {
    return Object.entries(result as Record<string, unknown>).map(([k, v]) =>
      typeof v === 'number'
        ? { section, name: k, value: v, unit: unitFromKey(k) }
        : { section, name: k, value: null, unit: '', note: typeof v === 'string' ? v : JSON.stringify(v) },
    );
  }
  return [{ section, name: 'result', value: null, unit: '', note: `unexpected result: ${String(result)}` }];
}

async function optionalSection(file: string, fn: string, ctx: BenchContext): Promise<BenchRow[]> {
  const abs = path.join(repoRoot, 'bench', file);
  if (!existsSync(abs)) return [{ section: file, name: `${fn}()`, value: null, unit: '', note: 'not available (module not present)' }];
  try {
    console.error(`${file} ${fn}()...`);
    const mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
    const f = mod[fn];
    if (typeof f !== 'function') return [{ section: file, name: `${fn}()`, value: null, unit: '', note: `not available (${file} exports no ${fn})` }];
    // A function declaring a required parameter gets the context; one with only defaults runs as is.
    const fnTyped = f as (c?: BenchContext) => Promise<unknown>;
    return toRows(file.replace(/\.ts$/, ''), await (fnTyped.length >= 1 ? fnTyped(ctx) : fnTyped()));
  } catch (e) {
    return [{ section: file, name: `${fn}()`, value: null, unit: '', note: `failed: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const clipsDir = existsSync(clipsDirCandidate) ? clipsDirCandidate : null;
  const rows: BenchRow[] = [];
  const loadBefore = os.loadavg();
  const ctx: BenchContext = { repoRoot, clipsDir, chromiumPath, rawChromiumMsPerFrame: {}, rawNodeMsPerFrame: {}, parallelModelFps: {}, chromiumArgs: CHROMIUM_ARGS };
  let frames: Frames | null = null;
  if (!clipsDir) {
    rows.push({ section: 'pose', name: 'raw loops', value: null, unit: '', note: `not available: ${clipsDirCandidate} absent` });
  } else {
    frames = decodeFrames(path.join(clipsDir, opts.clip), opts.frames + opts.warmup);
    console.error(`clip ${opts.clip}: ${frames.count} frames ${frames.width}x${frames.height} @ ${frames.fps} fps (${opts.warmup} warm-up)`);
  }

  if (frames && opts.only !== 'chromium') {
    for (const model of POSE_MODELS) {
      console.error(`Node ${model}...`);
      const runs: Awaited<ReturnType<typeof benchNode>>[] = [];
      for (let k = 0; k < opts.repeat; k++) runs.push(await benchNode(frames, opts, model));
      const medians = runs.map((x) => median(x.ms));
      const r = runs[medians.indexOf(Math.min(...medians))];
      const med = median(r.ms);
      ctx.rawNodeMsPerFrame[model] = med;
      rows.push({
        section: 'pose raw (Node)',
        name: `blazepose-${model} ${r.backend} median ms/frame`,
        value: med,
        unit: 'ms',
        note:
          `p90 ${percentile(r.ms, 0.9).toFixed(1)} ms; ${realTimeFactor(med, frames.fps).toFixed(2)}x real time at ${frames.fps} fps; person ${r.person}/${r.ms.length}` +
          `; CPU time median ${median(r.cpuMs).toFixed(1)} ms/frame` +
          (opts.repeat > 1 ? `; best of ${opts.repeat} runs (medians ${medians.map((m) => m.toFixed(1)).join(', ')})` : ''),
      });
    }
  }

  if (frames && opts.only !== 'node') {
    if (!existsSync(chromiumPath)) {
      rows.push({ section: 'pose raw (Chromium)', name: 'raw loops', value: null, unit: '', note: `not available: no Chromium at ${chromiumPath}` });
    } else {
      console.error('building bench page and starting Chromium...');
      const session = await openPoseBenchPage({ repoRoot, chromiumPath, port: BENCH_PORT, frames: frames.rgba, frameBytes: frames.width * frames.height * 4 });
      let backendNote = '';
      try {
        for (const mode of ['raw', 'worker'] as const) {
          for (const model of POSE_MODELS) {
            console.error(`Chromium ${mode} ${model}...`);
            const runs: BrowserBenchResult[] = [];
            for (let k = 0; k < opts.repeat; k++) {
              runs.push(await session.run({ model, mode, threads: 1, width: frames.width, height: frames.height, frameCount: frames.count, warmup: opts.warmup, fps: frames.fps }));
            }
            const medians = runs.map((x) => median(x.msPerFrame));
            const r = runs[medians.indexOf(Math.min(...medians))];
            const med = median(r.msPerFrame);
            if (mode === 'raw') ctx.rawChromiumMsPerFrame[model] = med;
            rows.push({
              section: mode === 'raw' ? 'pose raw (Chromium)' : 'pose via worker (Chromium)',
              name: `blazepose-${model} ${r.backend} ${r.threads ?? '?'} thread median ms/frame`,
              value: med,
              unit: 'ms',
              note:
                `p90 ${percentile(r.msPerFrame, 0.9).toFixed(1)} ms; ${realTimeFactor(med, frames.fps).toFixed(2)}x real time; ` +
                `person ${r.personFrames}/${r.msPerFrame.length}; model load ${r.loadMs.toFixed(0)} ms` +
                (opts.repeat > 1 ? `; best of ${opts.repeat} runs (medians ${medians.map((m) => m.toFixed(1)).join(', ')})` : ''),
            });
            backendNote = `${r.backend}: ${r.backendReason}; crossOriginIsolated ${r.crossOriginIsolated}`;
          }
        }
        rows.push(...(await parallelRows(session, frames, opts, ctx)));
        rows.push({ section: 'pose (Chromium)', name: 'requests outside the page origin', value: session.offOrigin.length, unit: '', target: '0', meetsTarget: session.offOrigin.length === 0, note: session.offOrigin.slice(0, 3).join(' ') });
        rows.push({ section: 'pose (Chromium)', name: 'Chromium version', value: null, unit: '', note: session.version });
        rows.push({ section: 'pose (Chromium)', name: 'backend chosen', value: null, unit: '', note: backendNote });
      } finally {
        await session.close();
      }
    }
  }

  if (opts.only === null) {
    rows.push(...(await optionalSection('upload_bench.ts', 'benchUpload', ctx)));
    rows.push(...(await optionalSection('analyze_bench.ts', 'benchAnalyzeRows', ctx)));
    rows.push(...(await optionalSection('live_bench.ts', 'benchLive', ctx)));
  }

  const loadAfter = os.loadavg();
  printTable(rows);
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAvgBefore: loadBefore, loadAvgAfter: loadAfter },
    clip: opts.clip,
    frames: opts.frames,
    warmup: opts.warmup,
    repeat: opts.repeat,
    rows,
  };
  mkdirSync(path.join(repoRoot, 'bench/results'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'bench/results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nload average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs); wrote bench/results/latest.json`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
