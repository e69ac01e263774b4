/**
 * The pictures a pose estimator takes besides RGBA bytes: ImageBitmaps (upload frames, or a
 * camera frame where VideoFrame is missing) and VideoFrames (camera frames). Both are transferred
 * to a worker and must be closed once read. The checks hold where either type is undefined.
 */
export type ClosablePicture = ImageBitmap | VideoFrame;

export function isImageBitmap(frame: unknown): frame is ImageBitmap {
  return typeof ImageBitmap !== 'undefined' && frame instanceof ImageBitmap;
}

export function isVideoFrame(frame: unknown): frame is VideoFrame {
  return typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame;
}

export function isClosablePicture(frame: unknown): frame is ClosablePicture {
  return isImageBitmap(frame) || isVideoFrame(frame);
}
