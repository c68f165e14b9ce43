// Child process of the remote benchmark: serves one event file over HTTP (Range) and from s3rver
// on 127.0.0.1, so that the servers' own work runs on another core, as a real object store's does,
// and is not billed to the reader being measured. Prints one JSON line with the endpoints, then
// serves until its stdin closes.
import { readFileSync } from 'node:fs';
import { startHttpFileServer } from '../remote/test-support/http-file-server';
import { S3RVER_CREDENTIALS, startLocalS3 } from '../remote/test-support/s3-server';

const file = process.argv[2];
if (!file) throw new Error('usage: remote-servers-child.ts FILE');
Object.assign(process.env, S3RVER_CREDENTIALS);
const http = await startHttpFileServer({ '/run/events.out.tfevents.1': { path: file } });
const s3 = await startLocalS3(['bench']);
await s3.put('bench', 'run/events.out.tfevents.1', readFileSync(file));
process.stdout.write(`${JSON.stringify({ http: `${http.url}/run/events.out.tfevents.1`, s3: s3.endpoint })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([http.close(), s3.close()]).then(() => process.exit(0));
});
