import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers';

const tracks = path.join(repoRoot, 'fixtures/tracks/multiview');
const dir = mkdtempSync(path.join(tmpdir(), 'analyze-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run analyze -- A B (two views of one set)', () => {
  it('writes both tracks and analyses, the offset, the matched reps and the fused analysis', async () => {
    const out = path.join(dir, 'set.json');
    const r = await runCli([path.join(tracks, 'pose2sim-demo-cam01.json'), path.join(tracks, 'pose2sim-demo-cam02.json'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const set = JSON.parse(readFileSync(out, 'utf8'));
    expect(set.kind).toBe('two-view set');
    expect(set.views.map((v: { role: string; name: string }) => [v.role, v.name])).toEqual([['a', 'pose2sim-demo-cam01.json'], ['b', 'pose2sim-demo-cam02.json']]);
    expect(set.views[0].track.frames).toHaveLength(100);
    expect(set.views[1].analysis.reps.length).toBeGreaterThan(0);
    // The two cameras are in sync (MANIFEST): within half a 60 fps frame.
    expect(Math.abs(set.alignment.offsetS)).toBeLessThan(0.5 / 60);
    expect(set.alignment.method).toBe('motion');
    expect(set.repMatches.length).toBeGreaterThan(0);
    expect(typeof set.fused.verdict.text).toBe('string');
    expect(set.fused.notMeasurable.map((n: { metric: string }) => n.metric)).toContain('torsoAngleDeg');
    expect(r.stderr).toMatch(/time offset: B starts 0\.00\d s (after|before) A/);
    expect(r.stderr).toMatch(/verdict: /);
  });
});
