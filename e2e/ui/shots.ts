// Screenshots for a person to look at while working on a view: written only when SCOPEVIEW_SHOTS
// names a folder, so that test runs never write files otherwise.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { App } from './harness';

/** The page, or only the element `selector` names, as SCOPEVIEW_SHOTS/`name`. */
export async function shot(target: App | Page, name: string, selector?: string): Promise<void> {
  const path = shotPath(name);
  if (!path) return;
  const page = 'page' in target ? target.page : target;
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path });
}

/** A copy of the file at `from` (an exported image) as SCOPEVIEW_SHOTS/`name`. */
export function keepFile(from: string, name: string): void {
  const path = shotPath(name);
  if (path) copyFileSync(from, path);
}

function shotPath(name: string): string | null {
  const dir = process.env.SCOPEVIEW_SHOTS;
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
