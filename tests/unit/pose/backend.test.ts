import { describe, expect, it } from 'vitest';
import { backendPlan, isSoftwareRenderer } from '../../../src/pose/backend';

// Renderer strings as Chromium reports them (WEBGL_debug_renderer_info / RENDERER).
const SOFTWARE = [
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  'Google SwiftShader',
  'llvmpipe (LLVM 15.0.6, 256 bits)',
  'ANGLE (Mesa, llvmpipe (LLVM 15.0.6 256 bits), OpenGL 4.5)',
  'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
];
const HARDWARE = [
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
  'Apple M1',
  'Adreno (TM) 640',
];

describe('backend choice', () => {
  it.each(SOFTWARE)('treats "%s" as software and picks wasm first', (r) => {
    expect(isSoftwareRenderer(r)).toBe(true);
    const plan = backendPlan({ renderer: r }, false);
    expect(plan.order[0]).toBe('wasm');
    expect(plan.reason).toMatch(/software/);
    expect(plan.order.at(-1)).toBe('cpu');
  });

  it.each(HARDWARE)('treats "%s" as a real GPU and picks webgl first', (r) => {
    expect(isSoftwareRenderer(r)).toBe(false);
    const plan = backendPlan({ renderer: r }, false);
    expect(plan.order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(plan.reason).toContain(r);
  });

  it('picks wasm when there is no WebGL at all, and says why', () => {
    const plan = backendPlan({ renderer: null, error: 'getContext returned null' }, false);
    expect(plan.order).toEqual(['wasm', 'cpu']);
    expect(plan.reason).toContain('getContext returned null');
  });

  it('uses wasm in Node', () => {
    expect(backendPlan({ renderer: null }, true).order[0]).toBe('wasm');
  });
});
