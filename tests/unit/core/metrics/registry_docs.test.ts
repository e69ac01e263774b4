/**
 * The docs cannot drift from the code: docs/metrics.md's and docs/analysis-format.md's metric
 * tables are what scripts/metric_docs.ts generates from the metric registry, and every warning
 * code an Analysis can carry is documented in docs/metrics.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKS, blockInDoc } from '../../../../scripts/metric_docs';

const root = path.resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** `{ code: 'x', message: ... }` literals: AnalysisWarnings (the live set-up hints in core/live are a different list). */
function warningCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources(path.join(root, 'src/core'))) {
    if (file.includes(`${path.sep}live${path.sep}`)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/code:\s*'([a-z_]+)',\s*(?:\n\s*)?message:/g)) codes.add(m[1]!);
  }
  return codes;
}

describe('docs generated from the registry', () => {
  for (const [name, block] of Object.entries(BLOCKS)) {
    it(`${block.file}: the "${name}" table matches the registry (npx tsx scripts/metric_docs.ts --write)`, () => {
      expect(blockInDoc(name)).toBe(block.render());
    });
  }
});

describe('warning codes', () => {
  it('every code the core can emit is in docs/metrics.md\'s Warnings table', () => {
    const codes = warningCodes();
    expect(codes.size).toBeGreaterThanOrEqual(10); // the collector finds them (both stages)
    const doc = readFileSync(path.join(root, 'docs/metrics.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Warnings'), doc.indexOf('\n## ', doc.indexOf('## Warnings') + 1));
    for (const code of codes) expect(section, code).toContain(`| \`${code}\` |`);
  });
});
