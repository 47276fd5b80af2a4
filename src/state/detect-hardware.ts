/** WEBGL_debug_renderer_info constants (Khronos registry). */
const UNMASKED_RENDERER_WEBGL = 0x9246;

/**
 * The browser's GPU as its WebGL renderer string says (WEBGL_debug_renderer_info), e.g. "ANGLE
 * (NVIDIA, NVIDIA GeForce RTX 4090 (0x00002684) Direct3D11 vs_5_0 ps_5_0, D3D11)": a hint, never
 * a fact (browsers may hide or round it). Synchronous and cheap (one WebGL context, released at
 * once); null when WebGL or the extension is unavailable. Never throws.
 */
export function readRenderer(): string | null {
  if (typeof document === 'undefined') return null;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl');
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const value: unknown = ext ? gl.getParameter(UNMASKED_RENDERER_WEBGL) : null;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  } catch {
    return null;
  }
}
