import { describe, expect, it } from 'vitest';
import { overlayLabels } from '../../../src/ui/player/overlay_labels';
import { makeSampleAnalysis } from '../report/sample_analysis';

describe('overlay labels on the analysed video', () => {
  it('writes the value of the frame on screen (the last frame at or before t), highlighted metric first', () => {
    const analysis = makeSampleAnalysis();
    const frame = analysis.frames[10]!;
    const next = analysis.frames[11]!;
    const t = (frame.t + next.t) / 2;
    const labels = overlayLabels(analysis, t, ['kneeFlexionDeg'], { metric: 'trunkTibiaDeg', side: null });
    expect(labels[0]!.emphasis).toBe(true);
    expect(labels[0]!.text).toMatch(/^Trunk vs shin/);
    expect(labels.slice(1).every((label) => !label.emphasis)).toBe(true);
    const knee = frame.metrics.kneeFlexionDeg as unknown as { left: number | null; right: number | null };
    const leftLabel = labels.find((label) => label.text.startsWith('L Knee bend'));
    if (knee.left === null) expect(leftLabel).toBeUndefined();
    else expect(leftLabel!.text).toContain(String(Math.round(knee.left)));
  });

  it('labels nothing before the first frame or without an analysis', () => {
    const analysis = makeSampleAnalysis();
    expect(overlayLabels(analysis, analysis.frames[0]!.t - 1, ['kneeFlexionDeg'], null)).toEqual([]);
    expect(overlayLabels(null, 1, ['kneeFlexionDeg'], null)).toEqual([]);
  });

  it('leaves out a side the camera could not see, unless it is the highlighted metric', () => {
    const analysis = makeSampleAnalysis();
    const frame = analysis.frames[5]!;
    frame.metrics.kneeFlexionDeg = { left: 90, right: null };
    const plain = overlayLabels(analysis, frame.t, ['kneeFlexionDeg'], null).map((label) => label.text);
    expect(plain.some((text) => text.startsWith('L Knee bend'))).toBe(true);
    expect(plain.some((text) => text.startsWith('R Knee bend'))).toBe(false);
    const asked = overlayLabels(analysis, frame.t, [], { metric: 'kneeFlexionDeg', side: 'right' }).map((label) => label.text);
    expect(asked).toEqual([expect.stringMatching(/^R Knee bend not measurable/)]);
  });
});
