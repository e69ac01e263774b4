/**
 * A stored session as a LoadedVideo, so the results page shows its report like any other. When
 * the video was not kept, the file is empty and the URL blank: the report then shows the numbers
 * without a player.
 */
import type { OpenedSession } from '../../store/history_db';
import { sessionDate } from '../../store/history_types';
import type { LoadedVideo } from '../app/loaded_videos';
import { formatSessionDate } from './progress_display';

let counter = 0;

export function sessionToLoadedVideo(opened: OpenedSession): LoadedVideo {
  counter += 1;
  const { session, video } = opened;
  return {
    id: `session-${counter}-${session.id.slice(0, 8)}`,
    name: session.name,
    file: video ?? new Blob([], { type: 'video/mp4' }),
    url: video ? URL.createObjectURL(video) : '',
    track: opened.track,
    analysis: opened.analysis,
    backend: session.backend ?? 'not recorded',
    model: session.model,
    // A camera recording was seen mirrored in the live preview; the report shows it the same way.
    ...(session.origin === 'recording' ? { previewMirrored: true } : {}),
    backendReason: `From your history: done ${formatSessionDate(sessionDate(session))}, analysed ${formatSessionDate(session.createdAt)}`,
  };
}
