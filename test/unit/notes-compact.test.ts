import { strict as assert } from 'node:assert';
import { NotesIndex } from '../../server/src/core/notes/notesIndex';

const noPause = () => Promise.resolve();

/** A notes file of `n` sections, the `v`-th time it is saved. */
const notes = (n: number, v: number) =>
  Array.from({ length: n }, (_, i) => `## Topic ${i}\nSQS visibility timeout note ${i}, save ${v}. Lambda timeout is at most 900 seconds.\n`).join('\n');

const results = (index: NotesIndex) => index.search('visibility timeout', 5).map((h) => [h.file, h.line, h.text, h.score.toFixed(9)]);

describe('notes index: ids of re-indexed files are reclaimed (issue 14, memory)', () => {
  it('re-indexes from the kept texts once removed passages outnumber live ones; same answers, ids back to the live count', async () => {
    const index = new NotesIndex();
    index.addFile('/n/other.md', '# Kinesis\nShards take 1 MB/s in.\n');
    for (let v = 1; v <= 6; v++) index.addFile('/n/study.md', notes(40, v)); // an editor saving the file again and again
    await index.settle(noPause);
    const live = index.size;
    assert.equal(index.idsGiven, 1 + 6 * 40);
    const before = results(index);
    assert.equal(await index.compact(noPause, 5, 10), true);
    assert.equal(index.idsGiven, live);
    assert.equal(index.size, live);
    assert.deepEqual(results(index), before);
    assert.deepEqual(index.passagesOf('/n/study.md').map((p) => p.text), notes(40, 6).split('\n\n').map((s) => s.split('\n')[1]));
    assert.equal(await index.compact(noPause, 5, 10), false); // nothing removed since
  });

  it('drops a compaction that a file change overlapped, keeping the change', async () => {
    const index = new NotesIndex();
    for (let v = 1; v <= 4; v++) index.addFile('/n/study.md', notes(20, v));
    let turns = 0;
    const changeMidway = () => {
      if (++turns === 1) index.addFile('/n/new.md', '# SNS\nFan-out to SQS queues.\n');
      return Promise.resolve();
    };
    assert.equal(await index.compact(changeMidway, 0, 10), false);
    assert.ok(index.has('/n/new.md'));
    assert.equal(index.search('fan-out', 1)[0]?.file, '/n/new.md');
    assert.equal(await index.compact(noPause, 5, 10), true);
    assert.equal(index.search('fan-out', 1)[0]?.file, '/n/new.md');
  });
});
