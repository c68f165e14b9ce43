// Screenshots for a person to look at while working on a view: written only when SCOPEVIEW_SHOTS
// names a folder, so that test runs never write files otherwise.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from './harness';

/** The page, or only the element `selector` names, as SCOPEVIEW_SHOTS/`name`. */
export async function shot(app: App, name: string, selector?: string): Promise<void> {
  const dir = process.env.SCOPEVIEW_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (selector) await app.page.locator(selector).screenshot({ path });
  else await app.page.screenshot({ path });
}
