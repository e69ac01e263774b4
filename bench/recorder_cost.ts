/**
 * What MediaRecorder costs the CPU on this machine, per codec: headless Chromium records its fake
 * camera (640 x 480, 30 fps, a .y4m made from a shared clip) for a fixed window with each codec
 * the app could pick (src/video/recorder.ts RECORDER_MIME_PREFERENCE), and the CPU time of the
 * whole Chromium process tree over the window (/proc utime + stime) is compared with the same
 * window with the camera on and nothing recording. Every type in the preference list that this
 * Chromium records is measured, with the options the app hands MediaRecorder (recorderOptions:
 * bit rate, key-frame interval), and printed with the type MediaRecorder reports for it. CPU time, unlike wall time, hardly depends
 * on what else the machine is doing. The live loop shares these cores with the encoder, so a
 * cheaper codec leaves more frames for the pose model.
 *
 *   npx tsx bench/recorder_cost.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/chromium_args';
import { RECORDER_MIME_PREFERENCE, recorderOptions } from '../src/video/recorder';
import { launchedChromiumPid, treeCpuMs } from './chromium_processes';

const WINDOW_MS = 10_000;
const clip = path.resolve(import.meta.dirname, '../../shared/fixtures/clips/side-two-reps-good.mp4');
const work = mkdtempSync(path.join(os.tmpdir(), 'squat-recorder-cost-'));
const y4m = path.join(work, 'webcam.y4m');
execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clip, '-vf', 'fps=30,scale=-2:480,pad=640:480:(ow-iw)/2:0', '-pix_fmt', 'yuv420p', y4m]);
// A blank page on loopback: getUserMedia needs a secure context (localhost is one).
const server = http.createServer((_, res) => res.end('<!doctype html><title>recorder cost</title>'));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
});
try {
  const pid = launchedChromiumPid();
  if (pid === null) throw new Error('the launched Chromium was not found in /proc');
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: 30 } });
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    document.body.append(video);
    await video.play();
    (window as unknown as { stream: MediaStream }).stream = stream;
  });
  await page.waitForTimeout(2000);
  const measure = async (mime: string | null): Promise<{ cpuMs: number; bytes: number; reported: string }> => {
    await page.evaluate((options) => {
      const w = window as unknown as { stream: MediaStream; rec?: MediaRecorder; bytes: number };
      w.bytes = 0;
      if (!options) return;
      w.rec = new MediaRecorder(w.stream, options);
      w.rec.ondataavailable = (e) => (w.bytes += e.data.size);
      w.rec.start(1000);
    }, mime ? recorderOptions(mime) : null);
    await page.waitForTimeout(1000); // encoder start-up
    const before = treeCpuMs(pid);
    await page.waitForTimeout(WINDOW_MS);
    const cpuMs = treeCpuMs(pid) - before;
    // The type MediaRecorder settled on (e.g. VP8 for a bare 'video/webm'), known once data came.
    const { bytes, reported } = await page.evaluate(
      () =>
        new Promise<{ bytes: number; reported: string }>((resolve) => {
          const w = window as unknown as { rec?: MediaRecorder; bytes: number };
          const rec = w.rec;
          if (!rec) return resolve({ bytes: 0, reported: '' });
          rec.onstop = () => resolve({ bytes: w.bytes, reported: rec.mimeType });
          rec.stop();
          w.rec = undefined;
        }),
    );
    return { cpuMs, bytes, reported };
  };
  const supported = await page.evaluate((list) => list.filter((m) => MediaRecorder.isTypeSupported(m)), RECORDER_MIME_PREFERENCE);
  const unsupported = RECORDER_MIME_PREFERENCE.filter((m) => !supported.includes(m));
  if (unsupported.length) console.log(`not recorded by this Chromium: ${unsupported.join(', ')}`);
  const idle = await measure(null);
  console.log(`camera on, not recording: ${(idle.cpuMs / (WINDOW_MS / 1000)).toFixed(0)} ms CPU per s (load average ${os.loadavg()[0].toFixed(1)})`);
  // Twice each, alternating, so load from elsewhere falls on all alike.
  const results = new Map<string, number[]>();
  for (let round = 0; round < 2; round++) {
    for (const m of supported) {
      const r = await measure(m);
      results.set(m, [...(results.get(m) ?? []), (r.cpuMs - idle.cpuMs) / (WINDOW_MS / 1000)]);
      if (round === 1) {
        const label = `${m}${r.reported && r.reported !== m ? ` (${r.reported})` : ''}`;
        console.log(`${label.padEnd(56)} +${results.get(m)!.map((x) => x.toFixed(0)).join(' / ')} ms CPU per s over not recording; ${((r.bytes * 8) / (WINDOW_MS / 1000) / 1e6).toFixed(2)} Mbit/s`);
      }
    }
  }
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
