// Screenshots for a person to look at while working on a view: written only when SCOPEVIEW_SHOTS
// names a folder, so that test runs never write files otherwise.
import { join } from 'node:path';
import type { App } from './harness';

export async function shot(app: App, name: string): Promise<void> {
  const dir = process.env.SCOPEVIEW_SHOTS;
  if (dir) await app.page.screenshot({ path: join(dir, name) });
}
