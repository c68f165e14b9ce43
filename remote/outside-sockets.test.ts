// No test traffic leaves the machine (issue 27): with every TCP connect in this process watched,
// the cloud SDKs run without credentials (where they would otherwise probe metadata addresses) and
// an HTTP server redirects to the instance metadata address; every socket must stay in 127.0.0.0/8.
// Connections elsewhere are refused before they are made, and recorded.
import net from 'node:net';
import { Storage } from '@google-cloud/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStore } from './http-store';
import { parseRemoteLocation } from './remote-location';
import { S3Store } from './s3-store';
import { NO_METADATA_ENV } from './test-support/no-metadata';
import { startScriptedServer, type ScriptedServer } from './test-support/scripted-server';

const saved = { ...process.env };
const original = net.Socket.prototype.connect;
const loopback: string[] = [];
const outside: string[] = [];
let server: ScriptedServer;

/** The host a Socket#connect call names (options object, or port then host), or null for a pipe. */
function hostOf(args: unknown[]): string | null {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: string; path?: string };
    return o.path !== undefined ? null : o.host ?? 'localhost';
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null;
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

beforeAll(async () => {
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'GOOGLE_APPLICATION_CREDENTIALS', 'STORAGE_EMULATOR_HOST']) delete process.env[k];
  Object.assign(process.env, NO_METADATA_ENV, { AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials', CLOUDSDK_CONFIG: '/nonexistent/gcloud' });
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const host = hostOf(args);
    if (host !== null) {
      if (/^127\./.test(host) || host === 'localhost' || host === '::1') loopback.push(host);
      else {
        outside.push(host);
        throw new Error(`test tried to connect to ${host}`);
      }
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  server = await startScriptedServer((req, res) => {
    if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else res.writeHead(403, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>');
  });
});
afterAll(async () => {
  net.Socket.prototype.connect = original;
  await server?.close();
  process.env = saved;
});

describe('sockets in the test process', () => {
  it('the AWS SDK without credentials reports that, probing no metadata address', async () => {
    await expect(new S3Store(parseRemoteLocation('s3://bucket-x/p/'), { endpoint: server.url, maxAttempts: 1 }).describe()).rejects.toMatchObject({ kind: 'access-denied', message: expect.stringMatching(/^no AWS credentials found for s3:\/\/bucket-x\/p\//) });
  });

  it("Google's auth library without credentials gives up without asking a metadata server", async () => {
    await expect(new Storage().authClient.getClient()).rejects.toThrow(/Could not load the default credentials/);
  });

  it('a redirect to the metadata address is refused before connecting', async () => {
    await expect(new HttpStore(parseRemoteLocation(`${server.url}/to-metadata`)).describe()).rejects.toMatchObject({ kind: 'access-denied', message: expect.stringContaining('http://169.254.169.254') });
  });

  it('every socket opened went to 127.0.0.0/8, and the watch saw them', () => {
    expect(outside).toEqual([]);
    expect(loopback.length).toBeGreaterThan(0);
    expect(loopback.every((h) => h.startsWith('127.'))).toBe(true);
  });
});
