/** An error the CLI reports as one plain sentence and a specific exit code (no stack trace). */
export const EXIT = {
  /** Unexpected failure (a bug, or something we did not foresee). */
  internal: 1,
  /** Wrong arguments. */
  usage: 64,
  /** The input cannot be used: missing, empty, not a video, truncated, unreadable JSON. */
  badInput: 2,
  /** The video decoded, but no person was found in any frame. */
  noPerson: 3,
  /** ffmpeg/ffprobe are not installed. */
  noFfmpeg: 4,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
