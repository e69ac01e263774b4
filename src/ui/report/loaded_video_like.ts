/**
 * What the report and the review need from a loaded video. Mirrors APP's LoadedVideo
 * (src/ui/app/loaded_videos.ts), declared here until that file exists so the two can be
 * built at the same time; a LoadedVideo is assignable to it.
 */
import type { Analysis, PoseTrack } from '../../core/types';

export interface LoadedVideoLike {
  id: string;
  name: string;
  file: Blob;
  url: string;
  track: PoseTrack;
  analysis: Analysis | null;
  backend: string;
  model: string;
}
