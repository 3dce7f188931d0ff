import { strict as assert } from 'node:assert';
import { linksAsText, NotesIndex } from '../../server/src/core/notes';
import { explain } from '../../server/src/core/explain';
import { NotesService } from '../../server/src/notesService';

describe('links in notes are shown as text (issue 14)', () => {
  it('renders a markdown link as its text and an inert address', () => {
    assert.equal(linksAsText('see [Lambda limits](https://docs.example.com/lambda/limits.html) first'), 'see Lambda limits (docs.example.com/lambda/limits.html) first');
    assert.equal(linksAsText('[quotas](<http://www.example.org/q> "title")'), 'quotas (example.org/q)');
  });

  it('keeps only the text of in-page links, self-links and images', () => {
    assert.equal(linksAsText('[Timeouts](#timeouts) and [https://a.example/x](https://a.example/x)'), 'Timeouts and a.example/x');
    assert.equal(linksAsText('![VPC diagram](img/vpc.png) ![](x.png)'), 'VPC diagram ');
  });

  it('leaves no address a renderer would turn into a link', () => {
    const out = linksAsText('read <https://x.example/a> or https://y.example/b or www.z.example');
    assert.equal(out, 'read x.example/a or y.example/b or z.example');
    assert.doesNotMatch(out, /https?:|www\./);
  });

  it('shows links as text in the hover and CLI markdown, never as links or commands', () => {
    const index = new NotesIndex();
    index.addFile('n.md', '# SQS\n- retention is 4 days by default, see [SQS quotas](https://docs.example.com/sqs/quotas) or [run](command:workbench.action.terminal.new)\n');
    const md = explain('SQS retention', { notes: index }).markdown;
    const notesPart = md.slice(md.indexOf('From your notes'));
    assert.match(notesPart, /see SQS quotas \(docs\.example\.com\/sqs\/quotas\) or run \(command:workbench\.action\.terminal\.new\)/);
    assert.doesNotMatch(notesPart, /\]\(|https?:/);
  });

  it('shows links as text in Search Notes', () => {
    const svc = new NotesService();
    svc.index.addFile('/n/notes.md', '# Kinesis\n- a shard takes 1 MB/s in, see [Kinesis limits](https://docs.example.com/kinesis)\n');
    const item = svc.search('Kinesis shard').find((i) => i.detail?.includes('shard'));
    assert.ok(item, 'the passage is found');
    assert.match(item.detail!, /see Kinesis limits \(docs\.example\.com\/kinesis\)/);
  });
});
