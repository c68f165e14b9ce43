import { describe, expect, it } from 'vitest';
import { tensorflow } from '../proto/generated/proto.js';
import { classifyBinary, detectFromHead } from './detect';
import { encodeRecords } from './tfrecord-writer';
import { planFolder } from './logdir';

const enc = new TextEncoder();
const graph = { node: [{ name: 'a', op: 'Const' }, { name: 'b', op: 'Identity', input: ['a'] }], versions: { producer: 1 } };

describe('format detection from content', () => {
  it('recognises TFRecord framing by the length CRC', () => {
    expect(detectFromHead(encodeRecords([tensorflow.Event.encode({ fileVersion: 'brain.Event:2' }).finish()]))).toBe('events');
  });

  it('recognises text formats by their first field', () => {
    expect(detectFromHead(enc.encode('# comment\nnode {\n name: "a"\n op: "Const"\n}\n'))).toBe('graphdef-text');
    expect(detectFromHead(enc.encode('meta_info_def { tags: "serve" }'))).toBe('metagraph-text');
    expect(detectFromHead(enc.encode('saved_model_schema_version: 1\nmeta_graphs {}'))).toBe('savedmodel-text');
  });

  it('classifies binary GraphDef, MetaGraphDef and SavedModel by wire structure', () => {
    expect(detectFromHead(tensorflow.GraphDef.encode(graph).finish())).toBeNull();
    expect(classifyBinary(tensorflow.GraphDef.encode(graph).finish())).toBe('graphdef');
    expect(classifyBinary(tensorflow.GraphDef.encode({ node: [graph.node[0]!] }).finish())).toBe('graphdef');
    expect(classifyBinary(tensorflow.MetaGraphDef.encode({ metaInfoDef: { tags: ['serve'] }, graphDef: graph }).finish())).toBe('metagraph');
    expect(classifyBinary(tensorflow.MetaGraphDef.encode({ graphDef: graph }).finish())).toBe('metagraph');
    expect(classifyBinary(tensorflow.SavedModel.encode({ savedModelSchemaVersion: 1, metaGraphs: [{ graphDef: graph }] }).finish())).toBe('savedmodel');
  });
});

describe('planFolder', () => {
  it('treats a folder with saved_model.pb as a SavedModel', () => {
    expect(planFolder(['variables/variables.index', 'saved_model.pb'])).toEqual({ kind: 'savedmodel', file: 'saved_model.pb' });
  });
  it('groups event files into runs by folder', () => {
    expect(planFolder(['b/events.out.tfevents.2', 'a/x/events.out.tfevents.1', 'a/x/events.out.tfevents.0', 'events.out.tfevents.9', 'notes.txt'])).toEqual({
      kind: 'logdir',
      runs: [
        { run: '.', files: ['events.out.tfevents.9'] },
        { run: 'a/x', files: ['a/x/events.out.tfevents.0', 'a/x/events.out.tfevents.1'] },
        { run: 'b', files: ['b/events.out.tfevents.2'] },
      ],
    });
  });
  it('opens the graph files of a folder without event files (an exported export.meta, frozen .pb)', () => {
    expect(planFolder(['export.meta', 'README.md', 'frozen/model.pb', 'frozen/graph.PBTXT', 'variables/variables.index'])).toEqual({
      kind: 'logdir',
      runs: [
        { run: '.', files: ['export.meta'] },
        { run: 'frozen', files: ['frozen/graph.PBTXT', 'frozen/model.pb'] },
      ],
    });
  });
  it('keeps to event files when there are any', () => {
    expect(planFolder(['export.meta', 'train/events.out.tfevents.1'])).toEqual({ kind: 'logdir', runs: [{ run: 'train', files: ['train/events.out.tfevents.1'] }] });
  });
});
