import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync, chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../src/cli/cli_error';
import { hasFfmpeg, makeVideo, runCli } from './helpers';

// Every bad file is made here, at test time, in a private tmp dir (issue 2, "Bad input").
if (!hasFfmpeg) console.warn('analyze_bad_input: ffmpeg not on PATH; the tests that need it to make videos are skipped');

describe('npm run analyze on bad input: a clear message and a non-zero exit', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'squat-cli-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function expectFailure(r: { code: number | null; stdout: string; stderr: string }, code: number, message: RegExp) {
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(r.stdout).toBe(''); // no half-written JSON
  }

  it('missing file', async () => {
    expectFailure(await runCli([path.join(dir, 'nope.mp4')]), EXIT.badInput, /nope\.mp4 does not exist/);
  });

  it('zero-byte file', async () => {
    const f = path.join(dir, 'empty.mp4');
    writeFileSync(f, '');
    expectFailure(await runCli([f]), EXIT.badInput, /empty \(0 bytes\)/);
  });

  it('a text file named .mp4', async () => {
    const f = path.join(dir, 'notes.mp4');
    writeFileSync(f, 'these are my squat notes, not a video\n'.repeat(20));
    expectFailure(await runCli([f]), EXIT.badInput, /notes\.mp4 is not a video file/);
  });

  it('bad arguments', async () => {
    expectFailure(await runCli(['--model', 'heavy', 'x.mp4']), EXIT.usage, /--model must be lite or full/);
  });

  it('invalid JSON given for re-analysis', async () => {
    const f = path.join(dir, 'broken.json');
    writeFileSync(f, '{"track": {"source": ');
    expectFailure(await runCli([f]), EXIT.badInput, /broken\.json is not valid JSON/);
  });

  describe.skipIf(!hasFfmpeg)('videos made with ffmpeg', () => {
    let moovLast: string;
    let moovFirst: string;
    beforeAll(() => {
      // 3 s of a moving test pattern; one file with the index at the end (ffmpeg's default), one at the front.
      moovLast = path.join(dir, 'pattern-moov-last.mp4');
      moovFirst = path.join(dir, 'pattern-moov-first.mp4');
      makeVideo(moovLast, 'testsrc2=size=320x240:rate=15:duration=3', ['-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-g', '15']);
      makeVideo(moovFirst, 'testsrc2=size=320x240:rate=15:duration=3', ['-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-g', '15', '-movflags', '+faststart']);
    });

    it('truncated mp4 whose index (moov) was at the end', async () => {
      const f = path.join(dir, 'cut-no-index.mp4');
      copyFileSync(moovLast, f);
      truncateSync(f, Math.floor(statSync(f).size / 2));
      expectFailure(await runCli([f]), EXIT.badInput, /cut-no-index\.mp4 looks like a truncated/);
    });

    it('truncated mp4 with its index intact but half its frames missing', async () => {
      const f = path.join(dir, 'cut-half.mp4');
      copyFileSync(moovFirst, f);
      truncateSync(f, Math.floor(statSync(f).size * 0.5));
      expectFailure(await runCli(['--model', 'lite', f]), EXIT.badInput, /cut-half\.mp4 looks truncated: decoded \d+ of 45 frames/);
    });

    it('an audio-only file', async () => {
      const f = path.join(dir, 'tone.m4a');
      makeVideo(f, 'sine=frequency=440:duration=1');
      expectFailure(await runCli([f]), EXIT.badInput, /tone\.m4a has no video stream/);
    });

    it('a video with no person in it', async () => {
      expectFailure(await runCli(['--model', 'lite', moovFirst]), EXIT.noPerson, /no person found in the 45 frames/);
    });

    it('no ffmpeg on PATH', async () => {
      // A PATH holding only node itself: ffprobe/ffmpeg cannot be found.
      const bin = path.join(dir, 'bin-without-ffmpeg');
      mkdirSync(bin, { recursive: true });
      try {
        symlinkSync(process.execPath, path.join(bin, 'node'));
      } catch {
        /* exists */
      }
      chmodSync(bin, 0o755);
      expectFailure(await runCli([moovFirst], { ...process.env, PATH: bin }), EXIT.noFfmpeg, /ffprobe was not found on PATH.*apt-get install ffmpeg/s);
    });
  });

  it('the JSON for a track with no person in any frame is refused too', async () => {
    const f = path.join(dir, 'empty-track.json');
    writeFileSync(
      f,
      JSON.stringify({ source: { name: 'x.mp4', width: 10, height: 10, fps: 30, durationS: 0.1, frameCount: 2 }, model: 'synthetic', frames: [{ t: 0, keypoints: null }, { t: 0.033, keypoints: null }] }),
    );
    const r = await runCli([f]);
    expectFailure(r, EXIT.noPerson, /no person found/);
    expect(readFileSync(f, 'utf8')).toContain('synthetic'); // input untouched
  });
});
