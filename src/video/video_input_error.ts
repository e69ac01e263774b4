/**
 * Errors a person can act on. Every way an uploaded file can fail to become frames ends in one
 * of these codes, with a sentence saying what happened and one saying what to do, so the app
 * (and the camera recorder, which feeds its recordings through the same path) can show them as they are.
 */
export type VideoInputErrorCode =
  | 'empty_file'
  | 'not_a_video'
  | 'no_video_track'
  | 'truncated'
  | 'unsupported_codec'
  | 'decode_failed'
  | 'no_person'
  | 'cancelled';

export class VideoInputError extends Error {
  readonly code: VideoInputErrorCode;
  /** What the person can do about it. */
  readonly hint: string;

  constructor(code: VideoInputErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VideoInputError';
    this.code = code;
    this.hint = hint;
  }
}

export function isVideoInputError(error: unknown): error is VideoInputError {
  return error instanceof VideoInputError;
}

/** Human names for the codec identifiers mediabunny reports. */
export function describeCodec(codec: string | null): string {
  switch (codec) {
    case 'avc':
      return 'H.264 (AVC)';
    case 'hevc':
      return 'H.265 (HEVC)';
    case 'vp8':
      return 'VP8';
    case 'vp9':
      return 'VP9';
    case 'av1':
      return 'AV1';
    case 'prores':
      return 'Apple ProRes';
    case null:
      return 'an unknown codec';
    default:
      return codec;
  }
}

export const errors = {
  emptyFile: (name: string) =>
    new VideoInputError('empty_file', `"${name}" is empty (0 bytes).`, 'Pick the video again; if it came from a phone, wait until it has finished copying or downloading.'),
  notAVideo: (name: string, cause?: unknown) =>
    new VideoInputError(
      'not_a_video',
      `"${name}" is not a video this app can read.`,
      'Choose an MP4, MOV or WebM video file (the kind a phone camera records).',
      { cause },
    ),
  noVideoTrack: (name: string) =>
    new VideoInputError('no_video_track', `"${name}" has no video in it (audio only?).`, 'Choose a file that contains video of the squat.'),
  truncated: (name: string, detail: string, cause?: unknown) =>
    new VideoInputError(
      'truncated',
      `"${name}" looks cut off or damaged: ${detail}`,
      'The file is incomplete. Copy or export it again from the phone or camera, then pick the new copy.',
      { cause },
    ),
  unsupportedCodec: (name: string, codec: string | null, codecString: string | null) =>
    new VideoInputError(
      'unsupported_codec',
      `This browser cannot decode "${name}": it is encoded as ${describeCodec(codec)}${codecString ? ` (${codecString})` : ''}.`,
      codec === 'hevc'
        ? 'Many browsers cannot play HEVC. On an iPhone set Camera > Formats > "Most Compatible" (H.264), or convert the video to H.264 MP4, or open this app in Safari or Edge.'
        : 'Convert the video to H.264 MP4 (any video converter can), or try another browser.',
    ),
  decodeFailed: (name: string, cause?: unknown) =>
    new VideoInputError(
      'decode_failed',
      `The video "${name}" could not be decoded${cause instanceof Error && cause.message ? `: ${cause.message}` : '.'}`,
      'The file may be damaged. Export or copy it again, or convert it to H.264 MP4.',
      { cause },
    ),
  noPerson: (name: string, framesWithPose: number, frameCount: number) =>
    new VideoInputError(
      'no_person',
      `No person was found in "${name}" (a body was detected on ${framesWithPose} of ${frameCount} frames).`,
      'Film the whole body, head to feet, in good light, with the camera still and about 2-4 m away, then try again.',
    ),
  cancelled: () => new VideoInputError('cancelled', 'Analysis cancelled.', 'Pick a video to start again.'),
};
