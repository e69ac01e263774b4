/**
 * The pose estimator in Node (CLI, bench, track extraction): wasm backend, models read from disk.
 * Node 20's fetch cannot read file:// URLs and tfjs-node cannot be installed here, so model.json
 * and its weights are read with fs and handed to tfjs as an IOHandler.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import type { io } from '@tensorflow/tfjs-core';
import { createPoseEstimator } from './pose_estimator';
import type { PoseEstimator, PoseEstimatorConfig } from './types';

/** The repository's models/ folder, found from this file's location. */
export const REPO_MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models');

function toPath(urlOrPath: string): string {
  return urlOrPath.startsWith('file:') ? fileURLToPath(urlOrPath) : urlOrPath;
}

/** An IOHandler that loads a TF.js graph model (model.json + weight shards) from the file system. */
export function fileModelHandler(modelJsonPathOrUrl: string): io.IOHandler {
  const modelJsonPath = toPath(modelJsonPathOrUrl);
  return {
    async load() {
      const modelJson = JSON.parse(await readFile(modelJsonPath, 'utf8')) as io.ModelJSON;
      const dir = path.dirname(modelJsonPath);
      return tf.io.getModelArtifactsForJSON(modelJson, async (weightsManifest) => {
        const specs = weightsManifest.flatMap((group) => group.weights);
        const shards = await Promise.all(
          weightsManifest.flatMap((group) => group.paths.map((p) => readFile(path.join(dir, p)))),
        );
        const total = shards.reduce((n, b) => n + b.byteLength, 0);
        const weights = new Uint8Array(total);
        let offset = 0;
        for (const b of shards) {
          weights.set(b, offset);
          offset += b.byteLength;
        }
        return [specs, weights.buffer];
      });
    },
  };
}

/**
 * createPoseEstimator for Node. modelBaseUrl defaults to the repository's models/ folder and may
 * be a directory path or a file:// URL.
 */
export async function createNodePoseEstimator(
  config: Omit<PoseEstimatorConfig, 'modelBaseUrl'> & { modelBaseUrl?: string },
): Promise<PoseEstimator> {
  const modelBaseUrl = config.modelBaseUrl ?? pathToFileURL(REPO_MODELS_DIR + path.sep).href;
  return createPoseEstimator({ backend: 'auto', ...config, modelBaseUrl }, { modelSource: fileModelHandler });
}
