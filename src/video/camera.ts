/**
 * The webcam: which cameras there are, opening one, and saying in plain words why it failed.
 *
 * getUserMedia rejects with DOMException names defined by Media Capture and Streams
 * (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia): NotAllowedError
 * (the user or a policy said no), NotFoundError (no camera), NotReadableError (the hardware is
 * busy or failed: typically another app holds the camera), OverconstrainedError, AbortError.
 * navigator.mediaDevices only exists in a secure context (https or localhost).
 */

export type CameraErrorCode =
  | 'insecure_origin'
  | 'unsupported'
  | 'permission_denied'
  | 'no_camera'
  | 'camera_in_use'
  | 'constraints'
  | 'camera_ended'
  | 'unknown';

export class CameraError extends Error {
  readonly code: CameraErrorCode;
  /** What the lifter can do about it. */
  readonly advice: string;
  constructor(code: CameraErrorCode, message: string, advice: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CameraError';
    this.code = code;
    this.advice = advice;
  }
}

export interface CameraEnvironment {
  isSecureContext: boolean;
  mediaDevices: MediaDevices | undefined;
  location?: { protocol: string; host: string };
}

function browserEnvironment(): CameraEnvironment {
  const g = globalThis as unknown as { isSecureContext?: boolean; navigator?: Navigator; location?: Location };
  return { isSecureContext: g.isSecureContext ?? false, mediaDevices: g.navigator?.mediaDevices, location: g.location };
}

/** Why the camera cannot be used at all here, or null when it may be. */
export function cameraUnavailableReason(env: CameraEnvironment = browserEnvironment()): CameraError | null {
  if (!env.isSecureContext) {
    const host = env.location?.host ?? 'this address';
    return new CameraError(
      'insecure_origin',
      `The camera only works on a secure page, and ${host} is not served over https.`,
      `Open the app over https, or at http://localhost on this computer.`,
    );
  }
  if (!env.mediaDevices || typeof env.mediaDevices.getUserMedia !== 'function') {
    return new CameraError('unsupported', 'This browser does not offer camera access to web pages.', 'Use a current Chrome, Edge, Firefox or Safari.');
  }
  return null;
}

/** Maps a getUserMedia rejection to a CameraError with advice. */
export function describeCameraError(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new CameraError(
        'permission_denied',
        'Camera access was blocked.',
        "Allow the camera for this site (click the camera or lock icon in the address bar, set Camera to Allow), then press Try again.",
        { cause: error },
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return new CameraError('no_camera', 'No camera was found.', 'Plug in a webcam (or enable the built-in one), then press Try again.', { cause: error });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new CameraError(
        'camera_in_use',
        'The camera could not be started: another app or browser tab is probably using it.',
        'Close the other app (video call, camera app) or tab, then press Try again.',
        { cause: error },
      );
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return new CameraError('constraints', 'The chosen camera does not support the requested picture size.', 'Pick another camera, or press Try again.', {
        cause: error,
      });
    default:
      return new CameraError('unknown', `The camera could not be started (${name || String(error)}).`, 'Press Try again, or reload the page.', {
        cause: error,
      });
  }
}

export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** Video inputs; labels are empty until camera permission was granted once. */
export async function listCameras(mediaDevices: MediaDevices | undefined = globalThis.navigator?.mediaDevices): Promise<CameraDevice[]> {
  if (!mediaDevices?.enumerateDevices) return [];
  const devices = await mediaDevices.enumerateDevices();
  let n = 0;
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d) => ({ deviceId: d.deviceId, label: d.label || `Camera ${++n}` }));
}

export interface OpenCameraOptions {
  deviceId?: string | null;
  /** Ideal capture size and rate; the camera picks its nearest mode. */
  width?: number;
  height?: number;
  frameRate?: number;
}

/**
 * Opens a camera (video only: the analysis needs no sound, and not asking for the microphone
 * keeps the permission prompt to what is needed). Throws a CameraError.
 */
export async function openCamera(options: OpenCameraOptions = {}, env: CameraEnvironment = browserEnvironment()): Promise<MediaStream> {
  const unavailable = cameraUnavailableReason(env);
  if (unavailable) throw unavailable;
  // resizeMode 'none' (Media Capture Extensions): take the camera's own picture, never a crop of
  // it. Chromium otherwise crops to the requested aspect ratio, which can cut off head or feet.
  const video: MediaTrackConstraints & { resizeMode?: ConstrainDOMString } = {
    width: { ideal: options.width ?? 640 },
    height: { ideal: options.height ?? 480 },
    frameRate: { ideal: options.frameRate ?? 30 },
    resizeMode: { ideal: 'none' },
  };
  if (options.deviceId) video.deviceId = { exact: options.deviceId };
  try {
    return await env.mediaDevices!.getUserMedia({ video, audio: false });
  } catch (error) {
    const described = describeCameraError(error);
    if (described.code === 'constraints') {
      // Retry with no size wish at all before giving up.
      try {
        return await env.mediaDevices!.getUserMedia({ video: options.deviceId ? { deviceId: { exact: options.deviceId } } : true, audio: false });
      } catch (retryError) {
        throw describeCameraError(retryError);
      }
    }
    throw described;
  }
}

export function stopStream(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/** Raised when a running camera stops (unplugged, or taken by another app). */
export function cameraEndedError(): CameraError {
  return new CameraError(
    'camera_ended',
    'The camera stopped: it was unplugged or another app took it.',
    'Plug it back in (or close the other app), then start the camera again.',
  );
}
