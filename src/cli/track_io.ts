/**
 * Reading a JSON input for re-analysis: either the CLI's own output {track, analysis} or a bare
 * PoseTrack. Checked enough to give a plain message instead of a crash deep in the core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PoseTrack } from '../core/types';
import { CliError, EXIT } from './cli_error';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the problem with `v` as a PoseTrack, or null when it looks right. */
export function poseTrackProblem(v: unknown): string | null {
  if (!isObject(v)) return 'not a JSON object';
  const s = v.source;
  if (!isObject(s)) return 'missing "source"';
  for (const k of ['width', 'height', 'fps'] as const) {
    if (typeof s[k] !== 'number' || !((s[k] as number) > 0)) return `"source.${k}" must be a positive number`;
  }
  if (typeof v.model !== 'string') return 'missing "model"';
  if (!Array.isArray(v.frames)) return 'missing "frames" array';
  for (let i = 0; i < v.frames.length; i++) {
    const f = v.frames[i] as unknown;
    if (!isObject(f) || typeof f.t !== 'number') return `frame ${i} has no time "t"`;
    if (f.keypoints !== null && !Array.isArray(f.keypoints)) return `frame ${i}: "keypoints" must be an array or null`;
    if (Array.isArray(f.keypoints)) {
      const bad = f.keypoints.findIndex(
        (k: unknown) => !isObject(k) || typeof k.name !== 'string' || typeof k.x !== 'number' || typeof k.y !== 'number' || typeof k.score !== 'number',
      );
      if (bad >= 0) return `frame ${i}, keypoint ${bad}: needs name, x, y, score`;
    }
  }
  return null;
}

/** Accepts {track, analysis?} (our output) or a bare PoseTrack. */
export function trackFromJson(value: unknown, label: string): PoseTrack {
  const candidate = isObject(value) && 'track' in value ? value.track : value;
  const problem = poseTrackProblem(candidate);
  if (problem) {
    throw new CliError(
      `${label} is not a PoseTrack or an analyze output ({"track": ..., "analysis": ...}): ${problem}.`,
      EXIT.badInput,
    );
  }
  return candidate as PoseTrack;
}

export function readTrackFile(file: string): PoseTrack {
  const label = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`${file} does not exist (check the path).`, EXIT.badInput);
  }
  if (text.trim() === '') throw new CliError(`${file} is empty (0 bytes).`, EXIT.badInput);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${label} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, EXIT.badInput);
  }
  return trackFromJson(value, label);
}
