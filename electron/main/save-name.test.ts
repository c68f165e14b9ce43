// Export names: the kind's fixed extension, and a plain, visible file name on every platform.
import { describe, expect, it } from 'vitest';
import { exportTarget, safeSaveName } from './save-name';

const name = (proposed: string): string | null => safeSaveName(proposed)?.name ?? null;

describe('save names', () => {
  it('keeps ordinary export names and their kind', () => {
    expect(safeSaveName('demo.png')).toEqual({ name: 'demo.png', ext: '.png' });
    expect(safeSaveName('graph.SVG')).toEqual({ name: 'graph.svg', ext: '.svg' });
    expect(name('diff-a-vs-b.json')).toBe('diff-a-vs-b.json');
    expect(name('model.v2.png')).toBe('model.v2.png');
  });

  it('refuses names that are no export kind', () => {
    for (const bad of ['x.desktop', 'report\u202Egvs.exe', 'graph', 'a.png.exe', '.png', '..']) expect(safeSaveName(bad), bad).toBeNull();
  });

  it('removes control and bidi characters, so the name shows what it is', () => {
    expect(name('report\u202Egvs.exe.svg')).toBe('report_gvs.exe.svg');
    expect(name('a\u2066b\u2069c\u200f.png')).toBe('a_b_c_.png');
    expect(name('tab\there\nnew\u0000nul\u009b.json')).toBe('tab_here_new_nul_.json');
    expect(name('zero\u200bwidth\ufeff.svg')).toBe('zero_width_.svg');
  });

  it('never names a path, a hidden file, `..` or a Windows device', () => {
    expect(name('../../etc/cron.d/x.png')).toBe('_.._etc_cron.d_x.png');
    expect(name('..png')).toBe('scopeview.png');
    expect(name('...png')).toBe('scopeview.png');
    expect(name('.bashrc.svg')).toBe('bashrc.svg');
    expect(name('a:b*c?.png')).toBe('a_b_c_.png');
    for (const device of ['CON', 'nul', 'Com1', 'LPT9', 'aux.tar', 'conin$', 'COM¹']) expect(name(`${device}.png`), device).toBe(`_${device}.png`);
    expect(name('console.png')).toBe('console.png');
    expect(name('trailing. . .svg')).toBe('trailing.svg');
    expect(name('   .png')).toBe('scopeview.png');
    expect(name(`${'x'.repeat(300)}.png`)).toBe(`${'x'.repeat(120)}.png`);
  });

  it('keeps the kind\'s extension on the path the user picked, without replacing an unasked-for file', () => {
    expect(exportTarget('/home/u/graph.png', '.png')).toEqual({ path: '/home/u/graph.png', exclusive: false });
    expect(exportTarget('/home/u/graph.PNG', '.png')).toEqual({ path: '/home/u/graph.PNG', exclusive: false });
    expect(exportTarget('/home/u/graph', '.svg')).toEqual({ path: '/home/u/graph.svg', exclusive: true });
    expect(exportTarget('/home/u/x.desktop', '.svg')).toEqual({ path: '/home/u/x.desktop.svg', exclusive: true });
  });
});
