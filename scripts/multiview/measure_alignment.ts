/**
 * Prints the time-alignment figures quoted in docs/multiview.md: synthetic two-camera sets with a
 * known offset, the committed Pose2Sim tracks (in sync per the MANIFEST), and, when ffmpeg and
 * ../shared are present, clips cut and re-encoded with ffmpeg and re-extracted with our pipeline.
 *
 *   npx tsx scripts/multiview/measure_alignment.ts [--model full|lite]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPoseTrack } from '../../src/cli/pose_track';
import { alignTracks } from '../../src/core/multiview/time_alignment';
import type { PoseTrack } from '../../src/core/types';
import type { PoseModelName } from '../../src/pose/types';
import { syntheticTwoView, type CameraSpec } from '../../tests/support/synthetic_two_view';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const clipsDir = path.resolve(repoRoot, '../shared/fixtures/multiview');
const model = (process.argv.includes('--model') ? process.argv[process.argv.indexOf('--model') + 1] : 'full') as PoseModelName;
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;

function synthetic(): void {
  const set = { reps: 5, noisePx: 1.5, perRep: (r: number) => ({ bottomThighAngleDeg: [-5, 8, 0, 12, -10][r], descentS: [1.2, 1.0, 1.4, 1.1, 1.3][r], bottomS: [0.3, 0.1, 0.5, 0.2, 0.4][r], pauseS: [0.8, 1.2, 0.6, 1.0, 0.9][r] }) };
  const cases: [string, CameraSpec, CameraSpec][] = [
    ['front 30 / side 60, B +0.4123 s', { view: 'front', fps: 30 }, { view: 'side', fps: 60, startS: 0.4123 }],
    ['front 30 (starts 1.23 s) / side 25 ending early', { view: 'front', fps: 30, startS: 1.23 }, { view: 'side', fps: 25, startS: 0.017, endS: 14 }],
    ['left side 24 ending early / right side 30 +2.71 s', { view: 'side', fps: 24, endS: 12 }, { view: 'side', yawDeg: -180, fps: 30, startS: 2.71 }],
    ['portrait front 30 roll 4 / 45-degree 59.94 +3.3333 s', { view: 'front', fps: 30, rollDeg: 4, width: 1080, height: 1920 }, { view: 'oblique', fps: 59.94, startS: 3.3333, width: 480, height: 640 }],
  ];
  for (const [name, a, b] of cases) {
    const s = syntheticTwoView(set, a, b);
    const al = alignTracks(s.a.track, s.b.track);
    const frames = (al.offsetS - s.offsetS) * Math.max(a.fps, b.fps);
    console.log(`synthetic ${name}: error ${ms(al.offsetS - s.offsetS)} (${frames.toFixed(3)} frames of the faster), confidence ${al.confidence.toFixed(2)}`);
  }
}

const track = (cam: string): PoseTrack => JSON.parse(readFileSync(path.join(repoRoot, `fixtures/tracks/multiview/pose2sim-demo-${cam}.json`), 'utf8'));

function committed(): void {
  for (const [a, b] of [['cam01', 'cam02'], ['cam01', 'cam03'], ['cam02', 'cam03']]) {
    const al = alignTracks(track(a), track(b));
    console.log(`Pose2Sim ${a} / ${b}: offset ${ms(al.offsetS)} (${al.offsetFrames.b.toFixed(2)} frames), confidence ${al.confidence.toFixed(2)}, r ${al.match.toFixed(2)}`);
  }
}

async function cuts(): Promise<void> {
  if (!existsSync(clipsDir) || spawnSync('ffmpeg', ['-version']).status !== 0) {
    console.log('ffmpeg cuts skipped: no ffmpeg or ../shared/fixtures/multiview');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'measure-alignment-'));
  const make = async (input: string, filter: string, name: string) => {
    const out = path.join(dir, `${name}.mp4`);
    spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(clipsDir, input), '-vf', filter, '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', out]);
    return (await extractPoseTrack(out, { model })).track;
  };
  try {
    const cut17 = await make('pose2sim-demo-cam02.mp4', 'trim=start_frame=17,setpts=PTS-STARTPTS', 'cam02_cut17');
    const cam01at30 = await make('pose2sim-demo-cam01.mp4', 'fps=30', 'cam01_30fps');
    const cut9at30 = await make('pose2sim-demo-cam03.mp4', 'trim=start_frame=9,setpts=PTS-STARTPTS,fps=30', 'cam03_cut9_30fps');
    const rows: [string, PoseTrack, PoseTrack, number][] = [
      ['cam01 / cam02 cut 17 frames', track('cam01'), cut17, 17 / 60],
      ['cam01 at 30 fps / cam02 cut 17 frames', cam01at30, cut17, 17 / 60],
      ['cam01 at 30 fps / cam02', cam01at30, track('cam02'), 0],
      ['cam01 / cam03 cut 9 frames at 30 fps', track('cam01'), cut9at30, 9 / 60],
    ];
    for (const [name, a, b, truth] of rows) {
      const al = alignTracks(a, b);
      console.log(`${name} (${model}): offset ${ms(al.offsetS)} for ${ms(truth)}, error ${ms(al.offsetS - truth)}, confidence ${al.confidence.toFixed(2)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

synthetic();
committed();
await cuts();
