import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileUri, uriPath } from '../../server/src/node/fileUris';

describe('file URIs', () => {
  const paths = [
    '/tmp/outcome/13228-11.outcome.md',
    '/home/drafter/EU-US JHA/2011 Cracow.md',
    '/tmp/caf\u00e9/na\u00efve #1?.md',
    '/tmp/100%/x.md',
    '/tmp/a/../b/./c.md',
    '/tmp//double/slash.md',
    '/tmp/.hidden/x.md',
    '/tmp/~user/x_y-z.txt',
    "/tmp/it's (draft) [v2] {x}.md",
  ];

  it('gives what the URL functions give, for plain and special paths alike', () => {
    for (const p of paths) {
      const expected = pathToFileURL(p).href;
      assert.equal(fileUri(p), expected, p);
      assert.equal(uriPath(expected), fileURLToPath(expected), expected);
    }
  });

  it('reads URIs written by others (encoded letters, a host-less form) as the URL functions do', () => {
    for (const uri of ['file:///tmp/a%20b.md', 'file:///tmp/%41.md', 'file:///tmp/x.md']) assert.equal(uriPath(uri), fileURLToPath(uri), uri);
  });
});
