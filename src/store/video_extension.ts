/**
 * The file extension for a stored video's MIME type, for downloads and backups. A finished
 * recording is an MP4 (H.264) or a WebM (VP9/VP8), src/video/recorder.ts; one whose raw chunks
 * could not be remuxed keeps MediaRecorder's own type, Chromium's H.264 in Matroska (.mkv).
 */
export function videoFileExtension(mimeType: string): string {
  if (mimeType.includes('webm')) return 'webm';
  if (mimeType.includes('quicktime')) return 'mov';
  if (mimeType.includes('matroska')) return 'mkv';
  return 'mp4';
}
