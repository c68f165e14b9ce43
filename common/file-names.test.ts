// The one file-name rule, on the names both former copies saw: `/`-separated paths from the loader's
// folder plans and bare names from the shell's listings.
import { describe, expect, it } from 'vitest';
import { isEventFileName, isGraphFileName } from './file-names';

describe('graph file names', () => {
  it('finds event files by the tfevents in their own name', () => {
    for (const name of ['events.out.tfevents.1700000000.host', 'run1/events.out.tfevents.1.h', 'a/b/x.tfevents', 'tfevents']) {
      expect(isEventFileName(name), name).toBe(true);
    }
    for (const name of ['tfevents/graph.pb', 'events.out', 'run/notes.txt', '']) {
      expect(isEventFileName(name), name).toBe(false);
    }
  });

  it('finds GraphDefs and MetaGraphDefs by their extension, in any case', () => {
    for (const name of ['graph.pb', 'g.PBTXT', 'export.meta', 'train/model.ckpt-100.meta', 'saved_model.pb']) {
      expect(isGraphFileName(name), name).toBe(true);
    }
    for (const name of ['graph.pb.bak', 'x.meta/readme', 'model.ckpt-100.index', 'events.out.tfevents.1.h', 'pb']) {
      expect(isGraphFileName(name), name).toBe(false);
    }
  });
});
