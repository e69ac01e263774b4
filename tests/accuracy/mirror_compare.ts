/**
 * Comparing the analysis of a clip with that of its mirrored copy (ffmpeg hflip): a consistent
 * analyzer swaps every side and changes nothing else. Used by the mirror-invariance test and by
 * scripts/eval/mirror_check.ts.
 */
import type { Analysis, Flag, FlagSide } from '../../src/core/types';

export function swapSide(side: FlagSide): FlagSide {
  return side === 'left' ? 'right' : side === 'right' ? 'left' : side;
}

/** "rep:fault/side/severity" strings of every flag, sorted; with `swap`, sides swapped. */
export function flagKeys(a: Analysis, swap = false): string[] {
  return a.reps
    .flatMap((r) => r.flags.map((f: Flag) => `${r.index + 1}:${f.fault}/${swap ? swapSide(f.side) : f.side}/${f.severity}`))
    .sort();
}

export interface MirrorDiff {
  repsOriginal: number;
  repsMirrored: number;
  /** Flags of the original (sides swapped) that the mirrored analysis lacks, and the reverse. */
  onlyOriginal: string[];
  onlyMirrored: string[];
  /** Both analyses found the same main view. */
  sameView: boolean;
}

export function mirrorDiff(original: Analysis, mirrored: Analysis): MirrorDiff {
  const a = flagKeys(original, true), b = flagKeys(mirrored);
  const inB = new Map<string, number>();
  for (const k of b) inB.set(k, (inB.get(k) ?? 0) + 1);
  const onlyOriginal: string[] = [];
  for (const k of a) {
    const c = inB.get(k) ?? 0;
    if (c > 0) inB.set(k, c - 1);
    else onlyOriginal.push(k);
  }
  const onlyMirrored = [...inB.entries()].flatMap(([k, c]) => Array<string>(c).fill(k));
  return {
    repsOriginal: original.reps.length,
    repsMirrored: mirrored.reps.length,
    onlyOriginal,
    onlyMirrored,
    sameView: original.view.kind === mirrored.view.kind,
  };
}

/** Flag differences that only concern the mild tier (a mild flag on one side of the pair). */
export function isMildOnly(key: string): boolean {
  return key.endsWith('/mild');
}
