/**
 * The user pointed at another person: the report follows them. Their keypoints were tracked with
 * everyone else's during the one pose pass (src/pose/person_tracker.ts), so only the movement
 * analysis runs again: instant, and the same frames a fresh pass would give.
 */
import { runCoreAnalysis } from '../../pipeline/analyze_video';
import { followPerson } from '../../pipeline/person_choice';
import type { LoadedVideo } from '../app/loaded_videos';

export async function followOtherPerson(video: LoadedVideo, id: number): Promise<LoadedVideo> {
  if (!video.people) throw new Error('only one person was found in this video');
  const { frames, people } = followPerson(video.people.candidates, id);
  const track = { ...video.track, frames, people };
  const { analysis, error } = await runCoreAnalysis(track);
  return { ...video, track, analysis, analysisError: error, people: { ...video.people, followedId: id } };
}
