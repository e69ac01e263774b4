/**
 * Issue 11, item 2: frames whose scale is a whole number (a 1080 x 1920 phone clip analysed at
 * 540 x 960, a portrait clip stored turned) are box-averaged from a full-size copyTo instead of
 * drawn on a canvas (src/video/frame_downscale.ts). The pixels the model sees must be the
 * canvas's within a few levels, upright the same way, for every frame compared.
 *
 * The clips: a shared phone clip stored landscape with a rotation tag (turned, not scaled), the
 * shared 540 x 960 clip scaled up to 1080 x 1920 with ffmpeg (scaled 2 x 2), and that one stored
 * landscape with a rotation tag (scaled and turned), all made at test time, never committed;
 * and a 1280 x 720 clip, whose 0.75 scale is not whole, so both ways are the canvas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseUrl, clip, launch, skipReason, type Session } from './harness';

const reason = skipReason(true);
if (reason) console.warn(`upload pixels e2e skipped: ${reason}`);

interface Compared {
  frames: number;
  width: number;
  height: number;
  /** Mean |difference| over every RGB value of every frame compared, levels of 255. */
  meanDiff: number;
  /** Share of RGB values more than 8 levels apart. */
  over8: number;
  maxDiff: number;
  /** Mean |difference| between the whole-scale way's frames and `against`'s (same frame index). */
  meanDiffAgainst: number | null;
  /** How each way made its frames (DecodedFrame.pixelsBy), distinct values. */
  byWholeScale: string[];
  byCanvas: string[];
}

const FRAMES = 8;

async function compare(session: Session, file: string, against?: string): Promise<Compared> {
  const b64 = readFileSync(file).toString('base64');
  const against64 = against ? readFileSync(against).toString('base64') : null;
  return session.page.evaluate(
    async ([data, other, n]) => {
      type Frame = { image: { data: Uint8ClampedArray; width: number; height: number }; pixelsBy: string };
      type Opened = { frames: () => AsyncIterable<Frame>; dispose: () => void };
      const debug = (window as unknown as { __squatDebug: { openVideo: (b: Blob, name: string, o: object) => Promise<Opened> } }).__squatDebug;
      const blobOf = (s: string) => new Blob([Uint8Array.from(atob(s), (c) => c.charCodeAt(0))], { type: 'video/mp4' });
      const read = async (blob: Blob, wholeScaleCopy: boolean) => {
        const opened = await debug.openVideo(blob, 'pixels.mp4', { pixelFormat: 'rgba', maxLongSide: 960, wholeScaleCopy });
        const out: Frame['image'][] = [];
        const by = new Set<string>();
        for await (const f of opened.frames()) {
          out.push({ data: new Uint8ClampedArray(f.image.data), width: f.image.width, height: f.image.height });
          by.add(f.pixelsBy);
          if (out.length === n) break;
        }
        opened.dispose();
        return Object.assign(out, { by: [...by] });
      };
      const diff = (a: Frame['image'][], b: Frame['image'][]) => {
        let sum = 0, count = 0, over = 0, max = 0;
        for (let i = 0; i < Math.min(a.length, b.length); i++) {
          const x = a[i].data, y = b[i].data;
          for (let j = 0; j < x.length; j++) {
            if (j % 4 === 3) continue;
            const d = Math.abs(x[j] - y[j]);
            sum += d;
            count++;
            if (d > 8) over++;
            if (d > max) max = d;
          }
        }
        return { mean: sum / count, over8: over / count, max };
      };
      const fast = await read(blobOf(data), true);
      const canvas = await read(blobOf(data), false);
      const d = diff(fast, canvas);
      const otherFrames = other ? await read(blobOf(other), true) : null;
      return {
        frames: Math.min(fast.length, canvas.length),
        width: fast[0].width,
        height: fast[0].height,
        meanDiff: d.mean,
        over8: d.over8,
        maxDiff: d.max,
        meanDiffAgainst: otherFrames ? diff(fast, otherFrames).mean : null,
        byWholeScale: fast.by,
        byCanvas: canvas.by,
      };
    },
    [b64, against64, FRAMES] as const,
  );
}

describe.skipIf(reason !== null)('frames scaled by a whole number without a canvas', () => {
  let session: Session;
  let dir: string;
  let portrait: string;
  let turned: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'squat-pixels-'));
    portrait = path.join(dir, 'portrait-1080x1920.mp4');
    const landscape = path.join(dir, 'landscape-1920x1080.mp4');
    turned = path.join(dir, 'turned-1920x1080-rotate90.mp4');
    const encode = ['-an', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', '-pix_fmt', 'yuv420p'];
    const source = clip('side-two-reps-good.mp4');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', source, '-t', '1', '-vf', 'scale=1080:1920', ...encode, portrait]);
    // Stored turned a quarter clockwise, with the tag that turns it back for display (ffmpeg's
    // rotate=90 is a quarter counter-clockwise, the same as the shared phone clips' -90 in ffprobe).
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', source, '-t', '1', '-vf', 'scale=1080:1920,transpose=1', ...encode, landscape]);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', landscape, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', turned]);
    session = await launch();
    await session.page.goto(baseUrl());
    await session.page.waitForFunction(() => 'openVideo' in ((window as unknown as { __squatDebug?: object }).__squatDebug ?? {}));
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const report = (name: string, c: Compared) =>
    console.info(`${name}: ${c.frames} frames at ${c.width} x ${c.height}; whole-scale copy vs canvas: mean |diff| ${c.meanDiff.toFixed(3)} levels, ${(c.over8 * 100).toFixed(3)} % over 8, max ${c.maxDiff}` + (c.meanDiffAgainst !== null ? `; against the upright clip ${c.meanDiffAgainst.toFixed(2)}` : ''));

  it('1080 x 1920, scaled 2 x 2: the canvas picture within a few levels', async () => {
    const c = await compare(session, portrait);
    report('1080x1920', c);
    expect(c.frames).toBe(FRAMES);
    expect([c.width, c.height]).toEqual([540, 960]);
    expect(c.byWholeScale).toEqual(['copy']);
    expect(c.byCanvas).toEqual(['canvas']);
    expect(c.meanDiff).toBeLessThan(1.5);
    expect(c.over8).toBeLessThan(0.01);
  });

  it('1920 x 1080 turned by its rotation tag: upright, as the canvas turns it, and as the upright clip shows it', async () => {
    const c = await compare(session, turned, portrait);
    report('1920x1080 rotate 90', c);
    expect([c.width, c.height]).toEqual([540, 960]);
    expect(c.byWholeScale).toEqual(['copy']);
    expect(c.meanDiff).toBeLessThan(1.5);
    expect(c.over8).toBeLessThan(0.01);
    // The same picture as the clip stored upright (two encodes apart), not a turned one.
    expect(c.meanDiffAgainst).toBeLessThan(3);
  });

  it('a shared phone clip stored turned (848 x 480, rotation tag), not scaled: upright, as the canvas turns it', async () => {
    const c = await compare(session, clip('side-deep-good-rotated.mp4'));
    report('side-deep-good-rotated', c);
    expect([c.width, c.height]).toEqual([480, 848]);
    expect(c.byWholeScale).toEqual(['copy']);
    expect(c.meanDiff).toBeLessThan(1.5);
    expect(c.over8).toBeLessThan(0.01);
  });

  it('1280 x 720 (a scale of 0.75): both ways draw on the canvas, so the pixels are the same', async () => {
    const c = await compare(session, clip('gym-front-barbell.mp4'));
    report('gym-front-barbell', c);
    expect([c.width, c.height]).toEqual([960, 540]);
    expect(c.byWholeScale).toEqual(['canvas']);
    expect(c.maxDiff).toBe(0);
  });
});
