// How the commands reach remote locations: the --endpoint option (S3-compatible stores, GCS
// emulators) and notices on stderr, such as a server that ignores Range requests.
import type { Command } from 'commander';
import type { OpenRemoteOptions } from './open-remote';

export function remoteOptions(opts: { endpoint?: string }): OpenRemoteOptions {
  let shown = -1;
  return {
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    onNotice: (message) => process.stderr.write(`scopeview: ${message} (Ctrl+C cancels)\n`),
    // Progress of a whole-file download, on a terminal only (scripts read stderr as messages).
    onProgress: (done, total) => {
      if (!process.stderr.isTTY) return;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (percent === shown) return;
      shown = percent;
      process.stderr.write(`\rscopeview: ${percent}% read${done >= total ? '\n' : ''}`);
    },
  };
}

/** Adds --endpoint to a command that opens paths. */
export function withEndpointOption(command: Command): Command {
  return command.option('--endpoint <url>', 'for s3:// an S3-compatible endpoint (else AWS_ENDPOINT_URL); for gs:// an emulator (else STORAGE_EMULATOR_HOST)');
}
