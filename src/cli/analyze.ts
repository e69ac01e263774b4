/**
 * npm run analyze -- <video | track.json> [--model lite|full] [--out file.json]
 * npm run analyze -- <front> <side> [--out set.json]: two videos of one set (analyze_set.ts)
 *
 * Video: ffprobe + ffmpeg (frames in memory, exact timestamps, rotation honoured) -> BlazePose in
 * Node (src/pose, wasm) -> PoseTrack -> analyze() from src/core -> JSON {track, analysis}, the
 * analysis in format v2 (analysisToJSON: plain arrays, null = not measurable).
 * JSON (this command's output, or a bare PoseTrack): skips pose and re-analyses the track.
 * Progress and a short summary go to stderr; the JSON to --out or stdout.
 * Exit codes: 0 ok, 2 unusable input, 3 no person found, 4 no ffmpeg, 64 bad arguments, 1 other.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../core/analyze';
import { analysisToJSON } from '../core/analysis_io';
import type { DepthTarget, PoseTrack } from '../core/types';

const DEPTH_ARGS: Record<string, DepthTarget> = { above: 'above_parallel', above_parallel: 'above_parallel', parallel: 'parallel', full: 'full' };
import { isPoseModelName } from '../pose/model_registry';
import type { PoseModelName } from '../pose/types';
import { CliError, EXIT } from './cli_error';
import { checkInputFile, extractPoseTrack, longestPersonRunS, MIN_PERSON_RUN_S } from './pose_track';
import { analyzeSet } from './analyze_set';
import { summaryLines } from './summary';
import { readTrackFile } from './track_io';

export const USAGE = `usage: npm run analyze -- <video | track.json> [--model lite|full] [--depth above|parallel|full] [--out file.json]
       npm run analyze -- <video A> <video B> [--model lite|full] [--out set.json]

  <video>        mp4, mov, webm or anything FFmpeg reads; every frame is analysed
  <track.json>   a PoseTrack, or this command's own output: pose is skipped, the track re-analysed
  <video A> <video B>  two cameras filming one set (e.g. front and side): both are analysed,
                 lined up in time from the motion and read together (docs/analysis-format.md)
  --model        BlazePose landmark model: full (default, more accurate) or lite (faster)
  --depth        the depth you aim for, judged against: above (above parallel), parallel (default) or full
  --out FILE     write the JSON there (default: stdout)
  --quiet        no progress or summary on stderr (errors still shown)`;

export interface CliArgs {
  input: string;
  /** A second video of the same set (two-view mode). */
  second?: string;
  model: PoseModelName;
  depthTarget: DepthTarget;
  out: string | null;
  quiet: boolean;
}

export function parseArgs(argv: string[]): CliArgs | 'help' {
  let input: string | null = null;
  let second: string | null = null;
  let model: PoseModelName = 'full';
  let depthTarget: DepthTarget = 'parallel';
  let out: string | null = null;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--model' || a.startsWith('--model=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!isPoseModelName(v)) throw new CliError(`--model must be lite or full${v ? `, not "${v}"` : ''}.\n${USAGE}`, EXIT.usage);
      model = v;
    } else if (a === '--depth' || a.startsWith('--depth=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const t = DEPTH_ARGS[v ?? ''];
      if (!t) throw new CliError(`--depth must be above, parallel or full${v ? `, not "${v}"` : ''}.\n${USAGE}`, EXIT.usage);
      depthTarget = t;
    } else if (a === '--out' || a === '-o' || a.startsWith('--out=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new CliError(`--out needs a file name.\n${USAGE}`, EXIT.usage);
      out = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new CliError(`unknown option ${a}.\n${USAGE}`, EXIT.usage);
    } else if (input === null) input = a;
    else if (second === null) second = a;
    else throw new CliError(`at most two inputs, the two videos of one set (got "${input}", "${second}" and "${a}").\n${USAGE}`, EXIT.usage);
  }
  if (!input) throw new CliError(`no input given.\n${USAGE}`, EXIT.usage);
  return { input, ...(second ? { second } : {}), model, depthTarget, out, quiet };
}

function isJsonInput(file: string): boolean {
  return /\.json$/i.test(file);
}

export function progressPrinter(quiet: boolean): (done: number, total: number | null, fps: number) => void {
  if (quiet) return () => {};
  const tty = process.stderr.isTTY;
  let lastPrinted = -1;
  return (done, total, fps) => {
    const line = `pose: frame ${done}${total ? `/${total}` : ''} (${fps.toFixed(1)} frames/s)`;
    if (tty) process.stderr.write(`\r${line}   `);
    else {
      // Not a terminal (CI logs): about every 10 % or every 100 frames.
      const step = total ? Math.max(1, Math.round(total / 10)) : 100;
      if (done - lastPrinted >= step) {
        process.stderr.write(`${line}\n`);
        lastPrinted = done;
      }
    }
  };
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.second) return analyzeSet(parsed);
  const { input, model, depthTarget, out, quiet } = parsed;
  const log = (s: string) => {
    if (!quiet) process.stderr.write(`${s}\n`);
  };

  let track: PoseTrack;
  if (isJsonInput(input)) {
    checkInputFile(input);
    track = readTrackFile(input);
    log(`re-analysing ${path.basename(input)} (${track.frames.length} frames, ${track.model}); pose skipped`);
  } else {
    const progress = progressPrinter(quiet);
    const result = await extractPoseTrack(input, {
      model,
      onInfo: (info) =>
        log(
          `${path.basename(input)}: ${info.codec} ${info.codedWidth}x${info.codedHeight}` +
            `${info.rotationDeg ? `, rotated ${info.rotationDeg} deg -> shown ${info.width}x${info.height}` : ''}, ` +
            `${info.fps.toFixed(2)} fps, ~${info.frameCountHint ?? '?'} frames; BlazePose ${model}`,
        ),
      onProgress: (p) => progress(p.done, p.total, p.fps),
    });
    if (!quiet && process.stderr.isTTY) process.stderr.write('\n');
    log(`pose backend: ${result.backend} (${result.backendReason})`);
    if (result.decodeErrors.length) log(`ffmpeg reported damaged data: ${result.decodeErrors.slice(0, 2).join(' | ')}`);
    track = result.track;
  }

  const withPerson = track.frames.filter((f) => f.keypoints).length;
  if (track.frames.length === 0 || longestPersonRunS(track) < MIN_PERSON_RUN_S) {
    const stray = withPerson > 0 ? ` (only ${withPerson} isolated frame${withPerson > 1 ? 's' : ''} with a possible person, never ${MIN_PERSON_RUN_S} s in a row)` : '';
    throw new CliError(
      `no person found in the ${track.frames.length} frames of ${track.source.name}${stray}. ` +
        'Film the whole body, head to feet, in good light, and try again.',
      EXIT.noPerson,
    );
  }

  const analysis = analyze(track, { mode: 'recorded', depthTarget });
  const json = JSON.stringify({ track, analysis: analysisToJSON(analysis) });
  if (out) {
    writeFileSync(out, `${json}\n`);
    log(`wrote ${out}`);
  } else {
    process.stdout.write(`${json}\n`);
  }
  for (const line of summaryLines(track, analysis)) log(line);
  return 0;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof CliError) {
        process.stderr.write(`analyze: ${e.message}\n`);
        process.exitCode = e.exitCode;
      } else {
        process.stderr.write(`analyze: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = EXIT.internal;
      }
    },
  );
}
