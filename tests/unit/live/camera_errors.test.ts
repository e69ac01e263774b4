import { describe, expect, it } from 'vitest';
import { CameraError, cameraUnavailableReason, describeCameraError, openCamera } from '../../../src/video/camera';
import { RECORDER_MIME_PREFERENCE, pickRecorderMimeType, recorderOptions } from '../../../src/video/recorder';

function domError(name: string): Error {
  const e = new Error(`${name} from getUserMedia`);
  e.name = name;
  return e;
}

function fakeMediaDevices(getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream>): MediaDevices {
  return { getUserMedia, enumerateDevices: async () => [] } as unknown as MediaDevices;
}

describe('camera errors in plain words', () => {
  it.each([
    ['NotAllowedError', 'permission_denied', /blocked/],
    ['SecurityError', 'permission_denied', /blocked/],
    ['NotFoundError', 'no_camera', /No camera was found/],
    ['NotReadableError', 'camera_in_use', /another app/],
    ['TrackStartError', 'camera_in_use', /another app/],
    ['OverconstrainedError', 'constraints', /picture size/],
    ['SomethingNew', 'unknown', /SomethingNew/],
  ])('%s -> %s', (name, code, message) => {
    const e = describeCameraError(domError(name));
    expect(e).toBeInstanceOf(CameraError);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.advice.length).toBeGreaterThan(10);
  });

  it('refuses an insecure page before asking for the camera, naming the address', () => {
    const e = cameraUnavailableReason({ isSecureContext: false, mediaDevices: undefined, location: { protocol: 'http:', host: '192.168.1.5:5173' } });
    expect(e?.code).toBe('insecure_origin');
    expect(e?.message).toContain('192.168.1.5:5173');
    expect(e?.advice).toMatch(/https/);
  });

  it('says when the browser has no camera API at all', () => {
    expect(cameraUnavailableReason({ isSecureContext: true, mediaDevices: undefined })?.code).toBe('unsupported');
    expect(cameraUnavailableReason({ isSecureContext: true, mediaDevices: fakeMediaDevices(async () => ({}) as MediaStream) })).toBeNull();
  });

  it('asks for video only, and retries without a size wish when the camera cannot meet it', async () => {
    const asked: MediaStreamConstraints[] = [];
    const stream = {} as MediaStream;
    const devices = fakeMediaDevices(async (c) => {
      asked.push(c);
      if (asked.length === 1) throw domError('OverconstrainedError');
      return stream;
    });
    await expect(openCamera({ deviceId: 'cam-2' }, { isSecureContext: true, mediaDevices: devices })).resolves.toBe(stream);
    expect(asked[0].audio).toBe(false);
    expect((asked[0].video as MediaTrackConstraints).deviceId).toEqual({ exact: 'cam-2' });
    expect(asked[1]).toEqual({ video: { deviceId: { exact: 'cam-2' } }, audio: false });
  });

  it('throws a CameraError for a denied permission', async () => {
    const devices = fakeMediaDevices(async () => {
      throw domError('NotAllowedError');
    });
    await expect(openCamera({}, { isSecureContext: true, mediaDevices: devices })).rejects.toMatchObject({ code: 'permission_denied' });
  });
});

describe('recorder format', () => {
  it('prefers H.264 (in Matroska, then MP4), then VP9, then VP8 WebM, and falls back in order', () => {
    // Chromium 156 as measured here: it records every one of these.
    expect(pickRecorderMimeType(() => true)).toBe('video/x-matroska;codecs=avc1');
    // A browser whose H.264 comes only in MP4 (Safari).
    expect(pickRecorderMimeType((t) => t.startsWith('video/mp4'))).toBe('video/mp4;codecs=avc1');
    // No H.264 at all: VP9, then VP8 (Firefox).
    expect(pickRecorderMimeType((t) => t.startsWith('video/webm'))).toBe('video/webm;codecs=vp9');
    expect(pickRecorderMimeType((t) => t.startsWith('video/webm') && !t.includes('vp9'))).toBe('video/webm;codecs=vp8');
    // Only the bare container types: WebM before MP4 (Chromium fills a bare MP4 with VP9).
    expect(pickRecorderMimeType((t) => !t.includes('codecs'))).toBe('video/webm');
    expect(pickRecorderMimeType((t) => t === 'video/mp4')).toBe('video/mp4');
    expect(pickRecorderMimeType(() => false)).toBeNull();
    expect(RECORDER_MIME_PREFERENCE.indexOf('video/webm;codecs=vp9')).toBeLessThan(RECORDER_MIME_PREFERENCE.indexOf('video/webm;codecs=vp8'));
  });

  it('asks MediaRecorder for a key frame every second with the chosen type and bit rate', () => {
    expect(recorderOptions('video/x-matroska;codecs=avc1')).toEqual({ mimeType: 'video/x-matroska;codecs=avc1', videoBitsPerSecond: 2_500_000, videoKeyFrameIntervalDuration: 1000 });
    expect(recorderOptions('video/webm;codecs=vp9', 1_000_000)).toMatchObject({ videoBitsPerSecond: 1_000_000 });
  });
});
