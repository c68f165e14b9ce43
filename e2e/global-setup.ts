// Before the end-to-end suites: the UI tests run the renderer's test variant (dist/renderer-test,
// with the layout hold of docs/TESTING.md), built here from the sources when missing or stale.
import { haveChromium } from '../scripts/chromium';
import { ensureRendererBuild } from '../scripts/build-renderer';

export default function setup(): void {
  // Without a browser the UI suites print their skip notice; nothing to build for them.
  if (haveChromium()) ensureRendererBuild(false, true);
}
