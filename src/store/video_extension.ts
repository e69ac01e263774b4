/**
 * The file extension for a stored video's MIME type, for downloads and backups. MediaRecorder
 * gives MP4 where WebM is missing (Safari), so a recording is not always .webm.
 */
export function videoFileExtension(mimeType: string): string {
  if (mimeType.includes('webm')) return 'webm';
  if (mimeType.includes('quicktime')) return 'mov';
  if (mimeType.includes('matroska')) return 'mkv';
  return 'mp4';
}
