/**
 * The shape of a benchmark row, shared by bench/run.ts and the optional sections other parts of
 * the app provide (bench/upload_bench.ts benchUpload(), bench/analyze_bench.ts benchAnalyze(),
 * bench/live_bench.ts benchLive()). Each such module exports an async function
 * `(ctx: BenchContext) => Promise<BenchRow[]>`; run.ts imports it dynamically if the file exists.
 * A function with no required parameter is called without the context, and a plain object it
 * returns is shown field by field (unit from the suffix: ...Ms, ...MB, ...PerSecond, ...Ratio).
 */
export interface BenchRow {
  /** e.g. 'pose raw (Node)', 'upload pipeline (Chromium)'. */
  section: string;
  /** What was measured, e.g. 'blazepose-lite wasm median ms/frame'. */
  name: string;
  value: number | null;
  unit: string;
  /** The target in words, printed beside the value (never asserted), e.g. '>= 1.0x real time'. */
  target?: string;
  /** Whether the value meets the target, when there is one and it can be judged. */
  meetsTarget?: boolean;
  note?: string;
}

export interface BenchContext {
  repoRoot: string;
  /** ../shared/fixtures/clips, or null when absent. */
  clipsDir: string | null;
  chromiumPath: string;
  /** Raw estimatePoses median ms/frame measured by run.ts in headless Chromium (wasm), for ratios. */
  rawChromiumMsPerFrame: Partial<Record<'lite' | 'full', number>>;
  /** Same, in Node. */
  rawNodeMsPerFrame: Partial<Record<'lite' | 'full', number>>;
  /** Frames/s of one bare model loop per core, all at once, frames in memory (run.ts parallelRows). */
  parallelModelFps: Partial<Record<'lite' | 'full', number>>;
  /** Chromium flags from ../shared/REFERENCE.md section 2. */
  chromiumArgs: string[];
}
