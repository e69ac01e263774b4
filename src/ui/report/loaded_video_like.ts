/**
 * What the report and the review need from a loaded video: APP's LoadedVideo
 * (src/ui/app/loaded_videos.ts). The alias keeps the report's imports in one place.
 */
export type { LoadedVideo as LoadedVideoLike } from '../app/loaded_videos';
