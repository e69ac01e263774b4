import { describe, expect, it } from 'vitest';
import { column, columnValue } from '../../../src/core/series';
import { overlayLabels } from '../../../src/render/overlay_labels';
import { makeSampleAnalysis } from '../../support/sample_analysis';

describe('overlay labels on the analysed video', () => {
  it('writes the value of the frame on screen (the last frame at or before t), highlighted metric first', () => {
    const analysis = makeSampleAnalysis();
    const t = (analysis.series.t[10] + analysis.series.t[11]) / 2;
    const labels = overlayLabels(analysis, t, ['kneeFlexionDeg'], { metric: 'trunkTibiaDeg', side: null });
    expect(labels[0]!.emphasis).toBe(true);
    expect(labels[0]!.text).toMatch(/^trunk \d+° more (forward|upright) than the shins$/);
    expect(labels.slice(1).every((label) => !label.emphasis)).toBe(true);
    const kneeLeft = columnValue(analysis.series, 'kneeFlexionDeg', 'left', 10);
    const leftLabel = labels.find((label) => label.text.startsWith('L knee bent'));
    if (kneeLeft === null) expect(leftLabel).toBeUndefined();
    else expect(leftLabel!.text).toContain(String(Math.round(kneeLeft)));
  });

  it('labels nothing before the first frame or without an analysis', () => {
    const analysis = makeSampleAnalysis();
    expect(overlayLabels(analysis, analysis.series.t[0] - 1, ['kneeFlexionDeg'], null)).toEqual([]);
    expect(overlayLabels(null, 1, ['kneeFlexionDeg'], null)).toEqual([]);
  });

  it('leaves out a side the camera could not see, unless it is the highlighted metric', () => {
    const analysis = makeSampleAnalysis();
    const t = analysis.series.t[5];
    column(analysis.series, 'kneeFlexionDeg', 'left')!.value[5] = 90;
    const right = column(analysis.series, 'kneeFlexionDeg', 'right')!;
    right.value[5] = NaN;
    right.confidence[5] = 0;
    const plain = overlayLabels(analysis, t, ['kneeFlexionDeg'], null).map((label) => label.text);
    expect(plain).toContain('L knee bent 90°');
    expect(plain.some((text) => text.startsWith('R '))).toBe(false);
    const asked = overlayLabels(analysis, t, [], { metric: 'kneeFlexionDeg', side: 'right' }).map((label) => label.text);
    expect(asked).toEqual([expect.stringMatching(/^R Knee bend not measurable/)]);
  });
});
