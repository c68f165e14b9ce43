// The host interface: what the UI needs from wherever it runs (the browser, or the Electron shell
// through its preload bridge). The UI depends only on this, so the shell reuses it unchanged.
import type { OpenedFile } from '../../core/pipeline/protocol';
import type { ShellCommand } from '../../common/ipc-contract';
import type { HostFile } from './file-source';

export interface RecentItem {
  readonly key: string;
  readonly name: string;
  readonly openedAt: number;
  readonly folder: boolean;
}

export interface OpenedInput {
  readonly name: string;
  readonly files: readonly OpenedFile<HostFile>[];
  readonly folder: boolean;
  /**
   * The Files the user dropped or picked, as the browser handed them over (a dropped folder is one
   * File): what the shell may open by path (`adopt`), and nothing wider.
   */
  readonly chosen?: readonly File[];
}

export interface Host {
  readonly kind: 'browser' | 'electron';
  /** Recently opened files and folders, newest first. */
  recent(): Promise<RecentItem[]>;
  remember(input: OpenedInput): Promise<void>;
  reopen(key: string): Promise<OpenedInput | null>;
  forget(key: string): Promise<void>;
  /** Offers bytes to the user as a file (a download in the browser, a save dialog in the shell). */
  save(name: string, data: Blob): Promise<void>;
  /** Small per-file UI state (expanded scopes, camera), keyed by content. */
  loadState(key: string): unknown;
  saveState(key: string, state: unknown): void;
  /**
   * The shell only: turns files the user dropped or picked (Blobs) into the same input opened by
   * path, so it can be watched and reopened; returns the input unchanged when it cannot.
   */
  adopt?(input: OpenedInput): Promise<OpenedInput>;
  /** The shell only: the page went back to its start screen, so main ends the grants of what it showed. */
  closed?(): void;
  /** The shell only: opens an https://, s3:// or gs:// location in main (which asks the user first). */
  openLocation?(location: string): Promise<OpenedInput | null>;
  /** The shell only: subscribes to its commands (menus, opens, live reload); returns unsubscribe. */
  onShellCommand?(listener: (command: ShellCommand) => void): () => void;
}
