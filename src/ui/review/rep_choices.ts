/**
 * Which reps can be compared, and the usual pairs (first vs last, best vs worst, the same
 * rep in two videos). Ranking is a display sort of the Analysis' own flags: a rep's score is
 * the sum of its flags' severities (mild 1, moderate 2, severe 3).
 */
import type { Rep } from '../../core/types';
import { SEVERITY_RANK } from '../report/labels';
import type { LoadedVideoLike } from '../report/loaded_video_like';

export interface RepRef {
  videoId: string;
  rep: number;
}

export interface RepOption extends RepRef {
  label: string;
  video: LoadedVideoLike;
  repData: Rep;
}

export interface RepPair {
  id: string;
  label: string;
  a: RepRef;
  b: RepRef;
}

export function repFaultScore(rep: Rep): number {
  return rep.flags.reduce((sum, flag) => sum + SEVERITY_RANK[flag.severity], 0);
}

export function repOptions(videos: readonly LoadedVideoLike[]): RepOption[] {
  const options: RepOption[] = [];
  for (const video of videos) {
    for (const rep of video.analysis?.reps ?? []) {
      const flags = rep.flags.length ? `${rep.flags.length} flag${rep.flags.length > 1 ? 's' : ''}` : 'no flags';
      const prefix = videos.length > 1 ? `${video.name} – ` : '';
      options.push({ videoId: video.id, rep: rep.index, label: `${prefix}rep ${rep.index + 1} (${flags})`, video, repData: rep });
    }
  }
  return options;
}

export function suggestedPairs(videos: readonly LoadedVideoLike[], primaryId?: string): RepPair[] {
  const pairs: RepPair[] = [];
  const primary = videos.find((video) => video.id === primaryId) ?? videos.find((video) => (video.analysis?.reps.length ?? 0) > 0);
  const reps = primary?.analysis?.reps ?? [];
  if (primary && reps.length >= 2) {
    const first = reps[0]!;
    const last = reps[reps.length - 1]!;
    pairs.push({ id: 'first-last', label: 'First vs last', a: { videoId: primary.id, rep: first.index }, b: { videoId: primary.id, rep: last.index } });
    const ranked = [...reps].sort((x, y) => repFaultScore(x) - repFaultScore(y) || x.index - y.index);
    const best = ranked[0]!;
    const worst = ranked[ranked.length - 1]!;
    if (best.index !== worst.index && repFaultScore(worst) > repFaultScore(best)) {
      pairs.push({ id: 'best-worst', label: 'Best vs worst', a: { videoId: primary.id, rep: best.index }, b: { videoId: primary.id, rep: worst.index } });
    }
  }
  for (const other of videos) {
    if (!primary || other.id === primary.id || !other.analysis?.reps.length || !reps.length) continue;
    const views = `${primary.analysis?.view.kind ?? '?'} vs ${other.analysis.view.kind}`;
    pairs.push({ id: `video-${other.id}`, label: `This video vs ${other.name} (${views})`, a: { videoId: primary.id, rep: reps[0]!.index }, b: { videoId: other.id, rep: other.analysis.reps[0]!.index } });
  }
  return pairs;
}

export function defaultPair(videos: readonly LoadedVideoLike[], primaryId?: string): RepPair | null {
  const pairs = suggestedPairs(videos, primaryId);
  if (pairs.length) return pairs[0]!;
  const options = repOptions(videos);
  if (options.length === 0) return null;
  const only = options[0]!;
  return { id: 'single', label: 'Only rep', a: only, b: only };
}
