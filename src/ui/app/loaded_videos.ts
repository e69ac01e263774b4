/**
 * The videos analysed in this session. The report and the review read these; the camera recorder adds its
 * recordings through the same path (analyzeVideoFile -> toLoadedVideo).
 */
import type { Analysis, PoseTrack } from '../../core/types';
import type { AnalyzeVideoResult } from '../../pipeline/analyze_video';
import type { PeopleFound } from '../../pipeline/person_choice';

export interface LoadedVideo {
  id: string;
  name: string;
  file: Blob;
  /** Object URL of `file`, revoked when the video is removed. */
  url: string;
  track: PoseTrack;
  analysis: Analysis | null;
  backend: string;
  model: string;
  /** Why that backend (additive: shown beside the player). */
  backendReason?: string;
  /** Why analysis is null although the track is good (additive). */
  analysisError?: string | null;
  /**
   * Recorded with this app's camera, whose live preview is mirrored (a selfie view): the report
   * and the review show it mirrored too, so it looks as it did while filming. Uploaded files are
   * shown as filmed. The pixels analysed are never mirrored; left and right are the lifter's own.
   */
  previewMirrored?: boolean;
  /** Several people were tracked: everyone, for pointing at the lifter (additive). */
  people?: PeopleFound;
}

let counter = 0;

function newId(): string {
  counter += 1;
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `video-${counter}-${random}`;
}

export function toLoadedVideo(file: Blob, name: string, result: AnalyzeVideoResult, extra: Pick<LoadedVideo, 'previewMirrored'> = {}): LoadedVideo {
  return {
    ...extra,
    id: newId(),
    name,
    file,
    url: URL.createObjectURL(file),
    track: result.track,
    analysis: result.analysis,
    backend: result.backend,
    model: result.track.model,
    backendReason: result.backendReason,
    analysisError: result.analysisError,
    ...(result.people ? { people: result.people } : {}),
  };
}

export function releaseLoadedVideo(video: LoadedVideo): void {
  URL.revokeObjectURL(video.url);
}

/** Count of frames on which a pose was found. */
export function framesWithPoseCount(video: Pick<LoadedVideo, 'track'>): number {
  return video.track.frames.reduce((n, f) => n + (f.keypoints ? 1 : 0), 0);
}
