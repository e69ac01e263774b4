/**
 * Problems with the input, said in words a lifter can act on. Every code is listed in
 * docs/metrics.md ("Warnings"); a test collects the codes from the source and checks that.
 * Read from the keypoints as the model gave them, before any filling.
 */
import { KP, type KeypointSeries } from '../keypoint_access';
import type { AnalysisWarning } from '../types';
import { MIN_SCORE } from './keypoint_gate';

const EDGE_FRACTION = 0.02;
/** Keypoints of the body itself (face and feet aside): one of them at the edge = the body leaves the picture. */
const BODY_KEYPOINTS = [KP.nose, KP.leftShoulder, KP.rightShoulder, KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee];

/** The picture's size and the margin that counts as its edge, px. */
interface PictureEdge { W: number; H: number; mx: number; my: number }

/** Keypoint k of frame i lies at the edge of the picture (never, when the picture's size is unknown). */
function atEdge(s: KeypointSeries, e: PictureEdge, k: number, i: number): boolean {
  if (!(e.W > 0 && e.H > 0)) return false;
  const x = s.x[k * s.n + i], y = s.y[k * s.n + i];
  return x <= e.mx || x >= e.W - e.mx || y <= e.my || y >= e.H - e.my;
}

function missingOrEdge(s: KeypointSeries, e: PictureEdge, k: number, i: number): boolean {
  return !(s.score[k * s.n + i] >= MIN_SCORE) || atEdge(s, e, k, i);
}

export function frameWarnings(s: KeypointSeries, coverage: number, W: number, H: number): AnalysisWarning[] {
  const warnings: AnalysisWarning[] = [];
  const n = s.n;
  if (n === 0) {
    warnings.push({ code: 'no_frames', message: 'The pose track has no frames.' });
    return warnings;
  }
  if (coverage < 0.5) {
    warnings.push({ code: 'no_person', message: `No person was found in most of the video (${Math.round(coverage * 100)} % of frames).` });
  } else if (coverage < 0.8) {
    warnings.push({ code: 'low_coverage', message: `The person was found in only ${Math.round(coverage * 100)} % of frames: parts of the set may be missing.` });
  }
  let withPerson = 0, feetOut = 0, bodyOut = 0;
  const edge: PictureEdge = { W, H, mx: EDGE_FRACTION * W, my: EDGE_FRACTION * H };
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    withPerson++;
    const feetBad = (missingOrEdge(s, edge, KP.leftAnkle, i) && missingOrEdge(s, edge, KP.rightAnkle, i)) ||
      (missingOrEdge(s, edge, KP.leftHeel, i) && missingOrEdge(s, edge, KP.rightHeel, i));
    if (feetBad) feetOut++;
    let bodyBad = false;
    for (let j = 0; j < BODY_KEYPOINTS.length; j++) {
      const k = BODY_KEYPOINTS[j];
      if (s.score[k * n + i] >= MIN_SCORE && atEdge(s, edge, k, i)) { bodyBad = true; break; }
    }
    if ((missingOrEdge(s, edge, KP.leftShoulder, i) && missingOrEdge(s, edge, KP.rightShoulder, i)) ||
      (missingOrEdge(s, edge, KP.leftHip, i) && missingOrEdge(s, edge, KP.rightHip, i))) bodyBad = true;
    if (bodyBad) bodyOut++;
  }
  if (withPerson && feetOut / withPerson > 0.3) {
    warnings.push({ code: 'feet_out_of_frame', message: `The feet are missing or at the edge of the picture in ${Math.round((100 * feetOut) / withPerson)} % of frames: heel lift and knee tracking need the feet in view.` });
  }
  if (withPerson && bodyOut / withPerson > 0.3) {
    warnings.push({ code: 'partly_out_of_frame', message: `Part of the body is outside the picture in ${Math.round((100 * bodyOut) / withPerson)} % of frames: step back so the whole body is in view.` });
  }
  return warnings;
}

/** Frames pose_plausibility.ts dropped as no person (e.g. a hand over the lens). */
export function implausiblePoseWarning(rejectedFrames: number): AnalysisWarning | null {
  return rejectedFrames > 0
    ? {
      code: 'implausible_pose',
      message: `${rejectedFrames} frame(s) showed a skeleton no person could make (for example something covering the lens) and were ignored.`,
    }
    : null;
}

/** Baselines estimated without a standing frame, and a tilted camera (angles corrected). */
export function baselineWarnings(noStandingFrames: boolean, rollDeg: number): AnalysisWarning[] {
  const out: AnalysisWarning[] = [];
  if (noStandingFrames) {
    out.push({ code: 'no_standing_frames', message: 'No frames of the lifter standing upright were found: heel and hip baselines are estimates.' });
  }
  if (Math.abs(rollDeg) >= 5) {
    out.push({ code: 'camera_tilted', message: `The camera was tilted by about ${Math.round(Math.abs(rollDeg))} degrees; angles were corrected for it.` });
  }
  return out;
}
