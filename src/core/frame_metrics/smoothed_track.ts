/**
 * The filtered keypoints as a PoseTrack in source pixels. Frames build their keypoint objects
 * on first access (and cache them), so an hour-long track costs nothing until something draws
 * it. The measured keypoints are stored roll-free and Y-up; they are rotated back here.
 */
import { slotOf, type KeypointSeries } from '../keypoint_access';
import type { Keypoint, PoseFrame, PoseTrack } from '../types';

interface RollBack { cos: number; sin: number; cx: number; cy: number }

class SmoothedFrame implements PoseFrame {
  private cache: Keypoint[] | null | undefined;
  constructor(
    readonly t: number, private readonly s: KeypointSeries, private readonly i: number, private readonly back: RollBack,
    private readonly input: PoseFrame | undefined,
  ) {}
  get keypoints(): Keypoint[] | null {
    if (this.cache !== undefined) return this.cache;
    const kps = this.input?.keypoints;
    if (!this.s.present[this.i] || !Array.isArray(kps)) return (this.cache = null);
    const out: Keypoint[] = [];
    const { n, x, y, score } = this.s;
    const { cos, sin, cx, cy } = this.back;
    for (const kp of kps) {
      if (!kp || typeof kp !== 'object') continue;
      const k = slotOf(kp.name as string);
      if (k === undefined) {
        // Face and hands pass through as read (they are drawn, not measured).
        if (Number.isFinite(kp.x) && Number.isFinite(kp.y)) {
          out.push({ name: kp.name, x: kp.x, y: kp.y, score: Number.isFinite(kp.score) ? kp.score : 0 });
        }
        continue;
      }
      const o = k * n + this.i;
      const X = x[o], Y = y[o];
      if (!(X === X) || !(Y === Y)) continue;
      // Roll-free, Y-up -> source pixels: rotate by +roll about the centre.
      const dx = X, dy = -Y;
      out.push({ name: kp.name, x: cx + dx * cos + dy * sin, y: cy - dx * sin + dy * cos, score: score[o] });
    }
    return (this.cache = out);
  }
  toJSON() {
    return { t: this.t, keypoints: this.keypoints };
  }
}

export function smoothedTrack(track: PoseTrack, s: KeypointSeries, rollDeg: number, cx: number, cy: number): PoseTrack {
  const r = (rollDeg * Math.PI) / 180;
  const back: RollBack = { cos: Math.cos(r), sin: Math.sin(r), cx, cy };
  const input = Array.isArray(track?.frames) ? track.frames : [];
  const frames: PoseFrame[] = new Array(s.n);
  for (let i = 0; i < s.n; i++) frames[i] = new SmoothedFrame(s.t[i], s, i, back, input[i]);
  return {
    source: track?.source ?? { name: '', width: 0, height: 0, fps: 0, durationS: 0, frameCount: s.n },
    model: track?.model ?? '',
    frames,
  };
}

/** A PoseTrack whose frames are plain objects (materialises lazy frames such as `smoothed`'s). */
export function plainTrack(track: PoseTrack): PoseTrack {
  return { source: track.source, model: track.model, frames: track.frames.map((f) => ({ t: f.t, keypoints: f.keypoints })) };
}
