// The packaging config (electron-builder.json) and the icons it names. Packaging itself needs the
// Electron binary; this checks what can be checked without it, with electron-builder's own schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  fileAssociations: { ext: string }[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  files: string[];
  electronFuses: Record<string, boolean>;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

function pngSize(path: string): [number, number] {
  const png = PNG.sync.read(readFileSync(join(ROOT, path)));
  return [png.width, png.height];
}

describe('packaging config', () => {
  it('is valid for electron-builder', async () => {
    // electron-builder's own validation (app-builder-lib ships with electron-builder).
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const log = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration(config, log)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linx: {} }, log)).rejects.toThrow(/Invalid configuration/);
  });

  it('builds AppImage and deb, dmg, and nsis, with the .pb, .pbtxt and .meta associations', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.fileAssociations.map((a) => a.ext).sort()).toEqual(['meta', 'pb', 'pbtxt']);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.scripts['package']).toContain('electron-builder');
  });

  it('names icons that exist at the sizes each platform needs', () => {
    expect(pngSize(config.mac.icon)).toEqual([1024, 1024]);
    expect(pngSize(config.win.icon)).toEqual([256, 256]);
    for (const s of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(`${config.linux.icon}/${s}x${s}.png`)).toEqual([s, s]);
  });

  it('ships only the built app, with the hardening fuses on', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', '!node_modules/**']));
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });
});
