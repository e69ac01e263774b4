import { isVideoInputError } from '../../video/video_input_error';
import type { Problem } from './ErrorNotice';

const TITLES: Record<string, string> = {
  empty_file: 'That file is empty',
  not_a_video: 'That is not a video',
  no_video_track: 'No video in that file',
  truncated: 'The video is incomplete',
  unsupported_codec: 'This browser cannot play that video',
  decode_failed: 'The video could not be decoded',
  no_person: 'No person found',
  cancelled: 'Analysis cancelled',
};

/** Any thrown value -> a message and a next step a person can act on. */
export function toProblem(error: unknown): Problem {
  if (isVideoInputError(error)) {
    return { title: TITLES[error.code] ?? 'Something went wrong', message: error.message, hint: error.hint, code: error.code };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/model|fetch|wasm|backend/i.test(message)) {
    return {
      title: 'The pose model could not start',
      message: `The pose model failed to load or run: ${message}`,
      hint: 'Reload the page and try again. If it keeps failing, try the Lite model or another browser.',
      code: 'pose_failed',
    };
  }
  return {
    title: 'Something went wrong',
    message: `The analysis failed: ${message}`,
    hint: 'Try again; if it fails again, try another video or reload the page.',
    code: 'unexpected',
  };
}
