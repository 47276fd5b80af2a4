/** What the browser tells about the GPU and memory: a hint, never a fact. */
export interface DetectedHardware {
  /** WebGL unmasked renderer string, else the WebGPU adapter description; null when hidden. */
  renderer: string | null;
  /** GPU vendor from WebGPU adapter info or the WebGL unmasked vendor string. */
  vendor: string | null;
  /** navigator.deviceMemory: RAM in GB, rounded down and capped at 8 by browsers; null when absent. */
  deviceMemoryGb: number | null;
}

interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
}

interface NavigatorLike {
  gpu?: { requestAdapter: () => Promise<{ info?: GpuAdapterInfoLike } | null> };
  deviceMemory?: number;
}

/** WEBGL_debug_renderer_info constants (Khronos registry). */
const UNMASKED_VENDOR_WEBGL = 0x9245;
const UNMASKED_RENDERER_WEBGL = 0x9246;

function nonEmpty(s: unknown): string | null {
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : null;
}

function readWebGl(): { renderer: string | null; vendor: string | null } {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl');
    if (!gl) return { renderer: null, vendor: null };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    if (!ext) return { renderer: null, vendor: null };
    const renderer = nonEmpty(gl.getParameter(UNMASKED_RENDERER_WEBGL));
    const vendor = nonEmpty(gl.getParameter(UNMASKED_VENDOR_WEBGL));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer, vendor };
  } catch {
    return { renderer: null, vendor: null };
  }
}

async function readWebGpu(nav: NavigatorLike): Promise<GpuAdapterInfoLike | null> {
  try {
    const adapter = await nav.gpu?.requestAdapter();
    return adapter?.info ?? null;
  } catch {
    return null;
  }
}

/**
 * Reads what the browser exposes about its GPU and memory: the WebGPU adapter info (vendor,
 * architecture, description), the WebGL renderer string (WEBGL_debug_renderer_info) and
 * navigator.deviceMemory. Never throws; WebGPU is given at most `timeoutMs` so a hung adapter
 * request cannot hold the page.
 */
export async function detectHardware(timeoutMs = 1500): Promise<DetectedHardware> {
  const nav: NavigatorLike =
    typeof navigator === 'undefined' ? {} : (navigator as unknown as NavigatorLike);
  const webgl = typeof document === 'undefined' ? { renderer: null, vendor: null } : readWebGl();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const info = await Promise.race([readWebGpu(nav), timeout]);
  clearTimeout(timer);
  const memory = nav.deviceMemory;
  return {
    renderer: webgl.renderer ?? nonEmpty(info?.description),
    vendor: nonEmpty(info?.vendor) ?? webgl.vendor,
    deviceMemoryGb: typeof memory === 'number' && memory > 0 ? memory : null,
  };
}
