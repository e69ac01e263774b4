// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { currentPoseBackend, formatBackendLabel, POSE_BACKEND_EVENT, reportPoseBackend, type PoseBackendInfo } from '../../../src/pose/backend_report';

describe('reporting the pose backend to the page', () => {
  it('sets data attributes on <html>, remembers it and fires an event', () => {
    const seen: PoseBackendInfo[] = [];
    window.addEventListener(POSE_BACKEND_EVENT, (e) => seen.push((e as CustomEvent<PoseBackendInfo>).detail));
    const info: PoseBackendInfo = { model: 'lite', backend: 'wasm', backendReason: 'software WebGL renderer (SwiftShader)' };
    reportPoseBackend(info);
    expect(document.documentElement.dataset.poseBackend).toBe('wasm');
    expect(document.documentElement.dataset.poseBackendReason).toBe('software WebGL renderer (SwiftShader)');
    expect(document.documentElement.dataset.poseModel).toBe('lite');
    expect(currentPoseBackend()).toEqual(info);
    expect(seen).toEqual([info]);
  });

  it('formats a one-line label for the UI', () => {
    expect(formatBackendLabel({ model: 'full', backend: 'webgl', backendReason: 'hardware WebGL renderer (Apple M1): webgl' })).toBe(
      'BlazePose full on webgl (hardware WebGL renderer (Apple M1): webgl)',
    );
  });
});
