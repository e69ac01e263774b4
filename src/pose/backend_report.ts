/**
 * A tiny, DOM-optional way for the page to show which tfjs backend pose estimation uses and why
 * (issue 2: "says which it chose"). The worker client calls reportPoseBackend() once it is ready;
 * the UI can read the dataset attributes, listen for the event, or call formatBackendLabel().
 */
import type { BackendName, PoseModelName } from './types';

export interface PoseBackendInfo {
  model?: PoseModelName;
  backend: BackendName;
  backendReason: string;
}

export const POSE_BACKEND_EVENT = 'pose-backend';

let latest: PoseBackendInfo | null = null;

/** The last backend reported in this page, or null before any estimator is ready. */
export function currentPoseBackend(): PoseBackendInfo | null {
  return latest;
}

/** "wasm (software WebGL renderer (SwiftShader): wasm is about 10x faster on the CPU)" */
export function formatBackendLabel(info: PoseBackendInfo): string {
  return `${info.model ? `BlazePose ${info.model} on ` : ''}${info.backend} (${info.backendReason})`;
}

export function reportPoseBackend(info: PoseBackendInfo): void {
  latest = info;
  if (typeof document !== 'undefined') {
    const ds = document.documentElement.dataset;
    ds.poseBackend = info.backend;
    ds.poseBackendReason = info.backendReason;
    if (info.model) ds.poseModel = info.model;
  }
  if (typeof dispatchEvent === 'function' && typeof CustomEvent === 'function') {
    dispatchEvent(new CustomEvent<PoseBackendInfo>(POSE_BACKEND_EVENT, { detail: info }));
  }
}
