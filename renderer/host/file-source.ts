// The ByteSource for a file the UI hands the session worker: a Blob it holds (drop, file picker,
// browser recent items) or a RemoteFile the Electron shell serves by Range requests.
import type { ByteSource } from '../../core/io/byte-source';
import { blobSource } from './blob-byte-source';
import { isRemoteFile, urlSource, type RemoteFile } from './url-byte-source';

export type HostFile = Blob | RemoteFile;

export function fileSource(file: HostFile, name: string): ByteSource {
  return isRemoteFile(file) ? urlSource(file, name) : blobSource(file, name);
}
