// The measurement behind drawing the canvas without GPU instancing (docs/ARCHITECTURE.md): raw
// WebGL2, N small quads drawn every frame for `ms` ms either as N instances of one quad or as one
// plain indexed draw of 4N vertices; the same shader, the same pixels. Published like the canvas
// benchmark (frame intervals) so bench/canvas.bench.ts reports it beside the canvas figures.
import type { BenchResult } from './bench-result';

const VS = `#version 300 es
in vec2 corner;
in vec4 rect;
uniform vec2 shift;
out vec2 uv;
void main() {
  uv = corner;
  gl_Position = vec4(rect.xy + corner * rect.zw + shift, 0.0, 1.0);
}`;
const FS = `#version 300 es
precision highp float;
in vec2 uv;
out vec4 colour;
void main() { colour = vec4(length(uv - 0.5), 0.4, 0.6, 1.0); }`;

function program(gl: WebGL2RenderingContext): WebGLProgram {
  const p = gl.createProgram();
  for (const [type, src] of [[gl.VERTEX_SHADER, VS], [gl.FRAGMENT_SHADER, FS]] as const) {
    const s = gl.createShader(type);
    if (!s) throw new Error('no shader');
    gl.shaderSource(s, src);
    gl.compileShader(s);
    gl.attachShader(p, s);
  }
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(p) ?? 'link failed');
  return p;
}

function buffer(gl: WebGL2RenderingContext, loc: number, data: Float32Array, size: number, divisor: number): void {
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, size, gl.FLOAT, false, 0, 0);
  gl.vertexAttribDivisor(loc, divisor);
}

export async function runQuadDrawBench(host: HTMLElement, n: number, instanced: boolean, durationMs: number): Promise<BenchResult> {
  const canvas = document.createElement('canvas');
  canvas.width = host.clientWidth;
  canvas.height = host.clientHeight;
  canvas.style.cssText = 'width:100%;height:100%';
  host.appendChild(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true });
  if (!gl) throw new Error('WebGL2 is not available');
  const p = program(gl);
  gl.useProgram(p);
  // Quads of 8×8 px scattered over the view, the same set in both modes.
  let seed = 1;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const rects = new Float32Array(4 * n);
  for (let i = 0; i < n; i++) rects.set([random() * 1.8 - 0.9, random() * 1.8 - 0.9, 16 / canvas.width, 16 / canvas.height], 4 * i);
  const corners = [0, 0, 1, 0, 0, 1, 1, 1];
  gl.bindVertexArray(gl.createVertexArray());
  const cornerLoc = gl.getAttribLocation(p, 'corner');
  const rectLoc = gl.getAttribLocation(p, 'rect');
  if (instanced) {
    buffer(gl, cornerLoc, Float32Array.from(corners), 2, 0);
    buffer(gl, rectLoc, rects, 4, 1);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, Uint32Array.of(0, 1, 2, 2, 1, 3), gl.STATIC_DRAW);
  } else {
    const perVertexCorners = new Float32Array(8 * n);
    const perVertexRects = new Float32Array(16 * n);
    const index = new Uint32Array(6 * n);
    for (let i = 0; i < n; i++) {
      perVertexCorners.set(corners, 8 * i);
      for (let v = 0; v < 4; v++) perVertexRects.set(rects.subarray(4 * i, 4 * i + 4), 16 * i + 4 * v);
      index.set([0, 1, 2, 2, 1, 3].map((k) => 4 * i + k), 6 * i);
    }
    buffer(gl, cornerLoc, perVertexCorners, 2, 0);
    buffer(gl, rectLoc, perVertexRects, 4, 0);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, index, gl.STATIC_DRAW);
  }
  const shift = gl.getUniformLocation(p, 'shift');
  const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
  const draw = (t: number): void => {
    gl.clearColor(1, 1, 1, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.uniform2f(shift, 0.05 * Math.sin(t / 300), 0);
    if (instanced) gl.drawElementsInstanced(gl.TRIANGLES, 6, gl.UNSIGNED_INT, 0, n);
    else gl.drawElements(gl.TRIANGLES, 6 * n, gl.UNSIGNED_INT, 0);
  };
  const t0 = performance.now();
  // Warm-up: shader compilation and the first uploads.
  for (let i = 0; i < 20; i++) draw(await frame());
  const intervals: number[] = [];
  let last = await frame();
  const start = last;
  while (last - start < durationMs) {
    draw(last);
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  const sorted = [...intervals].sort((a, b) => a - b);
  const q = (f: number): number => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? NaN;
  return {
    n, edges: 0, mode: instanced ? 'quads-instanced' : 'quads-plain', zoom: 0, frames: intervals.length,
    medianMs: q(0.5), p95Ms: q(0.95), fps: (intervals.length * 1000) / (last - start), drawMs: NaN,
    setupMs: performance.now() - t0 - (last - start), instances: n, labels: 0, cutPx: 0,
  };
}
