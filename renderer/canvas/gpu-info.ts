// Whether WebGL here is a software rasteriser (SwiftShader, llvmpipe, WARP): there every pixel is
// shaded on the CPU, so the canvas trades detail for frame rate while the camera moves (no MSAA,
// half resolution and fewer labels in motion; full detail once it stops). Real GPUs keep it all.
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

let cached: string | null = null;

/** The unmasked renderer string of a throwaway WebGL2 context ('' when it cannot be read), asked once per page. */
export function webglRenderer(): string {
  cached ??= readRenderer();
  return cached;
}

function readRenderer(): string {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return '';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return '';
  }
}

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}
