/**
 * Looking at the feet by eye: one frame of a shared clip with the track's ankle (yellow), heel
 * (red) and toe (cyan) keypoints drawn in (left foot solid, right foot outlined), cropped around
 * the feet and enlarged. Writes a PNG outside the repository (clips' pixels never enter it).
 *
 *   npx tsx scripts/eval/foot_snapshot.ts <clip-name> <frame> [frame ...] [--set full|lite|mirrored] [--out /tmp/x.png]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSet, REPO_ROOT } from './track_sets';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]; args.splice(i, 2); return v; };
const set = opt('--set', 'full');
const out = opt('--out', `/tmp/feet-${args[0]}.png`);
const [name, ...frameArgs] = args;
const clipsDir = path.resolve(REPO_ROOT, '../shared/fixtures/clips');
const file = readdirSync(clipsDir).find((f) => f.replace(/\.[^.]+$/, '') === name);
if (!file) throw new Error(`no clip ${name} in ${clipsDir}`);
const track = loadSet(set, file);
if (!track) throw new Error(`no ${set} track for ${name}`);
const frames = frameArgs.map(Number);
const parts: string[] = [];
for (const [j, fi] of frames.entries()) {
  const kps = track.frames[fi].keypoints;
  if (!kps) throw new Error(`no person in frame ${fi}`);
  const feet = [27, 28, 29, 30, 31, 32].map((k) => kps[k]);
  const xs = feet.map((k) => k.x), ys = feet.map((k) => k.y);
  const W = track.source.width, H = track.source.height;
  const span = Math.max(60, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) * 1.6;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x0 = Math.max(0, Math.min(W - span, cx - span / 2)), y0 = Math.max(0, Math.min(H - span, cy - span / 2));
  const sz = Math.min(span, W, H);
  const dot = Math.max(2, Math.round(sz / 60));
  const boxes = feet.map((k, i) => {
    const color = ['yellow', 'yellow', 'red', 'red', 'cyan', 'cyan'][i];
    const fill = i % 2 === 0 ? 'fill' : '1';
    return `drawbox=x=${(k.x - dot).toFixed(0)}:y=${(k.y - dot).toFixed(0)}:w=${2 * dot}:h=${2 * dot}:color=${color}:t=${fill}`;
  });
  // Select the frame by its index (frames come out in presentation order, as our decoder reads them).
  parts.push(`[0:v]select=eq(n\\,${fi}),${boxes.join(',')},crop=${sz.toFixed(0)}:${sz.toFixed(0)}:${x0.toFixed(0)}:${y0.toFixed(0)},scale=360:360,setpts=N[v${j}]`);
}
const stack = frames.length > 1 ? `;${frames.map((_, j) => `[v${j}]`).join('')}hstack=inputs=${frames.length}[o]` : '';
const graph = parts.join(';') + stack;
const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(clipsDir, file), '-filter_complex', graph, '-map', frames.length > 1 ? '[o]' : '[v0]', '-frames:v', '1', out], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(r.stderr);
console.log(out);
