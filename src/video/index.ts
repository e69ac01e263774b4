export { openVideo, probeVideo, DEFAULT_MAX_LONG_SIDE } from './open_video';
export type { VideoProbe, DecodedFrame, OpenVideoOptions, OpenedVideo } from './open_video';
export { VideoInputError, isVideoInputError, describeCodec } from './video_input_error';
export type { VideoInputErrorCode } from './video_input_error';
export { fitLongSide } from './frame_geometry';
