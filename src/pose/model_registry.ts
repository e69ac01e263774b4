/**
 * Where each BlazePose model lives under the models base URL (see models/NOTICE.md).
 *
 * BlazePose is two networks: a person detector that runs when there is no tracked region, and a
 * landmark model (lite or full) that runs on the region every frame. pose-detection's own defaults
 * point at tfhub.dev; we always pass these local URLs instead, so nothing loads from elsewhere.
 */
import type { PoseModelName } from './types';

export const POSE_MODELS: readonly PoseModelName[] = ['lite', 'full'];

/** Folder names under models/, each holding model.json plus its one weights file. */
export const DETECTOR_MODEL_DIR = 'blazepose-detector';
export const LANDMARK_MODEL_DIR: Record<PoseModelName, string> = {
  lite: 'blazepose-lite',
  full: 'blazepose-full',
};

export interface PoseModelUrls {
  detector: string;
  landmark: string;
}

export function isPoseModelName(value: unknown): value is PoseModelName {
  return value === 'lite' || value === 'full';
}

/** Joins a base URL (or path) and a relative path with exactly one slash. */
function joinUrl(base: string, rel: string): string {
  return base.endsWith('/') ? `${base}${rel}` : `${base}/${rel}`;
}

/**
 * URLs of the detector and landmark model.json for `model` under `baseUrl`
 * (e.g. '/models/', 'http://127.0.0.1:5173/models/', 'file:///repo/models').
 */
export function modelUrls(model: PoseModelName, baseUrl: string): PoseModelUrls {
  if (!isPoseModelName(model)) throw new Error(`unknown pose model "${String(model)}" (expected lite or full)`);
  return {
    detector: joinUrl(baseUrl, `${DETECTOR_MODEL_DIR}/model.json`),
    landmark: joinUrl(baseUrl, `${LANDMARK_MODEL_DIR[model]}/model.json`),
  };
}

/** The name a PoseTrack records for a model, e.g. "blazepose-full". */
export function trackModelName(model: PoseModelName): string {
  return LANDMARK_MODEL_DIR[model];
}
