/**
 * Picks the tfjs backend and says why.
 *
 * Measured on this project's 2-core CPU machine (../shared/REFERENCE.md section 2): with no GPU,
 * Chromium's WebGL falls back to SwiftShader and BlazePose runs about ten times slower on webgl
 * (292 ms/frame lite) than on wasm (24.6 ms), plus 3-8 s of shader compilation on the first frame.
 * With a real GPU webgl wins. So: webgl on a hardware renderer; wasm on a software renderer, where
 * WebGL is missing, or where webgl fails to initialise; cpu (plain JS) only as a last resort.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName } from './types';

export interface BackendChoice {
  backend: BackendName;
  reason: string;
  /** wasm only: threads XNNPACK runs the model on (1 = single-threaded build or pool of one). */
  threads?: number;
}

/** What we know about the environment's WebGL before choosing. */
export interface WebglProbe {
  /** Unmasked renderer string, or null when no WebGL context could be made. */
  renderer: string | null;
  /** Why there is no context, when renderer is null. */
  error?: string;
}

/**
 * Renderers that mean "WebGL emulated on the CPU": Chromium's SwiftShader (also reported as
 * "ANGLE (Google, Vulkan ... (SwiftShader Device ...))"), Mesa's llvmpipe/softpipe, Windows'
 * "Microsoft Basic Render Driver", and generic "software" adapters.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/**
 * The order in which to try backends for this probe, and the reason for the first choice.
 * Pure, so the rule is unit-tested without a browser.
 */
export function backendPlan(probe: WebglProbe, isNode: boolean): { order: BackendName[]; reason: string } {
  if (isNode) return { order: ['wasm', 'cpu'], reason: 'Node: no WebGL, wasm backend' };
  if (probe.renderer == null) {
    return { order: ['wasm', 'cpu'], reason: `no WebGL (${probe.error ?? 'context unavailable'}): wasm` };
  }
  if (isSoftwareRenderer(probe.renderer)) {
    return {
      order: ['wasm', 'webgl', 'cpu'],
      reason: `software WebGL renderer (${probe.renderer}): wasm is about 10x faster on the CPU`,
    };
  }
  return { order: ['webgl', 'wasm', 'cpu'], reason: `hardware WebGL renderer (${probe.renderer}): webgl` };
}

function isNodeRuntime(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string' && typeof (globalThis as { document?: unknown }).document === 'undefined'
    && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined';
}

/** Reads the WebGL renderer string in a page or a worker (OffscreenCanvas), without keeping the context. */
export function probeWebgl(): WebglProbe {
  type AnyGl = WebGLRenderingContext | WebGL2RenderingContext;
  let gl: AnyGl | null = null;
  try {
    if (typeof OffscreenCanvas !== 'undefined') {
      const c = new OffscreenCanvas(1, 1);
      gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as AnyGl | null;
    } else if (typeof document !== 'undefined') {
      const c = document.createElement('canvas');
      gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as AnyGl | null;
    } else {
      return { renderer: null, error: 'no canvas in this context' };
    }
  } catch (e) {
    return { renderer: null, error: String(e) };
  }
  if (!gl) return { renderer: null, error: 'getContext returned null' };
  // WEBGL_debug_renderer_info gives the real renderer; newer Chromium returns it from RENDERER too.
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { renderer: renderer || 'unknown renderer' };
}

export interface InitBackendOptions {
  /** 'auto' or a forced backend (still falls back, with the failure in the reason). */
  preference?: BackendName | 'auto';
  /** Browser: URL prefix the three tfjs-backend-wasm .wasm files are served from. */
  wasmPathPrefix?: string;
  /**
   * wasm: the size of XNNPACK's thread pool. tfjs's own default is half the logical cores, which is
   * one thread on a 2-core machine; the threaded build also needs cross-origin isolation
   * (SharedArrayBuffer), without which tfjs falls back to its single-threaded build whatever this says.
   * Only the first wasm initialisation in a JS realm (page or worker) can set it.
   */
  wasmThreads?: number;
}

let wasmPathsSet = false;
let wasmThreadsSet = false;

/**
 * tfjs-backend-wasm 4.22 caps its thread pool at half of navigator.hardwareConcurrency, in its C++
 * (backend.cc, init_with_threads_count: min(requested, hardwareConcurrency / 2), "many x86-64
 * processors have 2 threads per core"), whatever setThreadsCount asks for. On a 2-vCPU machine that
 * is one thread. The value is read once, while the wasm module instantiates, so we report enough
 * cores for the pool we asked for during that moment only, and restore the real figure after.
 * Returns the restore function (a no-op where navigator cannot be patched).
 */
function reportLogicalCores(cores: number): () => void {
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  if (!nav || Object.prototype.hasOwnProperty.call(nav, 'hardwareConcurrency')) return () => {};
  try {
    Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => cores });
  } catch {
    return () => {};
  }
  return () => {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}

/** Makes the chosen backend active in tfjs and returns it with the reason. */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendChoice> {
  const isNode = isNodeRuntime();
  const pref = options.preference ?? 'auto';
  let order: BackendName[];
  let reason: string;
  if (pref === 'auto') {
    ({ order, reason } = backendPlan(isNode ? { renderer: null } : probeWebgl(), isNode));
  } else {
    order = [pref, ...(['wasm', 'cpu'] as BackendName[]).filter((b) => b !== pref)];
    reason = `${pref} requested`;
  }
  if (options.wasmPathPrefix && !wasmPathsSet) {
    // Without this, tfjs-backend-wasm would fetch its binaries from a CDN in the browser.
    setWasmPaths(options.wasmPathPrefix);
    wasmPathsSet = true;
  } else if (!isNode && !wasmPathsSet) {
    setWasmPaths('/tfjs-wasm/');
    wasmPathsSet = true;
  }
  let restoreCores = () => {};
  if (options.wasmThreads !== undefined && !wasmThreadsSet) {
    const threads = Math.max(1, Math.floor(options.wasmThreads));
    if (threads === 1) {
      // One thread: tfjs's single-threaded SIMD build. The threaded build would start its pool of
      // 8 pthread Web Workers (each a JS heap of its own) to use none of them.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    } else {
      setThreadsCount(threads);
      restoreCores = reportLogicalCores(2 * threads);
    }
    wasmThreadsSet = true;
  }
  const failures: string[] = [];
  for (const backend of order) {
    try {
      const ok = await tf.setBackend(backend).finally(() => restoreCores());
      if (!ok) throw new Error('setBackend returned false');
      await tf.ready();
      const finalReason = failures.length ? `${reason}; ${failures.join('; ')}; using ${backend}` : reason;
      return backend === 'wasm' ? { backend, reason: finalReason, threads: getThreadsCount() } : { backend, reason: finalReason };
    } catch (e) {
      failures.push(`${backend} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
}
