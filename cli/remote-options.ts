// How the commands reach remote locations: the --endpoint option (S3-compatible stores, GCS
// emulators) and notices on stderr, such as a server that ignores Range requests.
import type { Command } from 'commander';
import type { OpenRemoteOptions } from './open-remote';

export function remoteOptions(opts: { endpoint?: string }): OpenRemoteOptions {
  return {
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    onNotice: (message) => process.stderr.write(`scopeview: ${message}\n`),
  };
}

/** Adds --endpoint to a command that opens paths. */
export function withEndpointOption(command: Command): Command {
  return command.option('--endpoint <url>', 'for s3:// an S3-compatible endpoint (else AWS_ENDPOINT_URL); for gs:// an emulator (else STORAGE_EMULATOR_HOST)');
}
