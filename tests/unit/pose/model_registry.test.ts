import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelUrls, trackModelName } from '../../../src/pose/model_registry';

const modelsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models');

describe('modelUrls', () => {
  it('puts the shared detector and the chosen landmark model under the base URL', () => {
    expect(modelUrls('lite', '/models/')).toEqual({
      detector: '/models/blazepose-detector/model.json',
      landmark: '/models/blazepose-lite/model.json',
    });
    expect(modelUrls('full', 'http://127.0.0.1:5173/models').landmark).toBe(
      'http://127.0.0.1:5173/models/blazepose-full/model.json',
    );
  });

  it('never points at a remote default (tfhub) whatever the model', () => {
    for (const m of ['lite', 'full'] as const) {
      const u = modelUrls(m, '/models/');
      expect(u.detector.startsWith('/models/')).toBe(true);
      expect(u.landmark.startsWith('/models/')).toBe(true);
    }
  });

  it('resolves to files that exist in models/', () => {
    for (const m of ['lite', 'full'] as const) {
      const u = modelUrls(m, modelsDir);
      expect(existsSync(u.detector)).toBe(true);
      expect(existsSync(u.landmark)).toBe(true);
    }
  });

  it('rejects an unknown model name', () => {
    expect(() => modelUrls('heavy' as 'lite', '/models/')).toThrow(/unknown pose model/);
  });

  it('names the model in a track as blazepose-<type>', () => {
    expect(trackModelName('full')).toBe('blazepose-full');
  });
});
