/**
 * server/crypto.ts has two halves: node:crypto for the reference server in Node and Web Crypto
 * with a small SHA-256 for the same server in a browser (Storybook's fake). They must give the
 * same bytes — a token hashed, a cursor encoded or a response sealed by one is read by the other —
 * so the browser half is checked here against Node's, in Node (which has Web Crypto too).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { nodePrimitives, webPrimitives } from '../../server/crypto.ts';

const node = nodePrimitives!;
const web = webPrimitives;
const TEXTS = ['', 'a', 'abc', 'hdp_' + 'x'.repeat(43), '토론회 참가 신청', '😀 emoji', 'bad \ud800 surrogate', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'y'.repeat(1000), JSON.stringify({ o: 200 })];

test('Node runs the server on node:crypto (the browser half is only for browsers)', () => {
  assert.ok(nodePrimitives);
});

test('SHA-256: the browser half gives the bytes node:crypto gives', () => {
  for (const text of TEXTS) {
    assert.equal(web.sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'), JSON.stringify(text.slice(0, 20)));
    assert.equal(web.sha256Hex(text), node.sha256Hex(text));
    assert.deepEqual([...web.sha256(text)], [...node.sha256(text)]);
  }
});

test('hex comparison: equal, unequal, different lengths and empty', () => {
  const a = node.sha256Hex('a');
  const b = node.sha256Hex('b');
  for (const half of [node, web]) {
    assert.equal(half.hexEqual(a, a), true);
    assert.equal(half.hexEqual(a, b), false);
    assert.equal(half.hexEqual(a, a.slice(0, 32)), false);
    assert.equal(half.hexEqual('', ''), false);
  }
});

test('base64url: each half reads what the other writes, and junk alike', () => {
  for (const text of TEXTS.filter((t) => !t.includes('\ud800'))) {
    assert.equal(web.encodeBase64url(text), node.encodeBase64url(text));
    assert.equal(web.decodeBase64url(node.encodeBase64url(text)), text);
    assert.equal(node.decodeBase64url(web.encodeBase64url(text)), text);
  }
  for (const junk of ['eyJvIjoxMH0', 'eyJvIjoxMH0=', 'e!y@J#v', '%%%', 'eyJvIjox+H0/']) assert.equal(web.decodeBase64url(junk), node.decodeBase64url(junk), junk);
});

test('sealing: what one half seals the other opens; another key or a changed byte is refused', async () => {
  const key = node.sha256('hd-idempotency-body\0scope\0key');
  const other = node.sha256('another key');
  for (const text of ['{"id":"x","cancelToken":"hdc_secret"}', '', '시민 1'.repeat(500)]) {
    assert.equal(await web.unseal(key, await node.seal(key, text)), text);
    assert.equal(await node.unseal(key, await web.seal(key, text)), text);
    const sealed = await web.seal(key, text);
    await assert.rejects(web.unseal(other, sealed));
    await assert.rejects(node.unseal(other, sealed));
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    await assert.rejects(web.unseal(key, bytes.toString('base64')));
  }
});

test('random values: tokens of the same length and alphabet, integers in range', () => {
  for (const half of [node, web]) {
    const token = half.randomBase64url(32);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(half.randomBase64url(32), token);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = half.randomInt(32);
      assert.ok(Number.isInteger(n) && n >= 0 && n < 32);
      seen.add(n);
    }
    assert.equal(seen.size, 32, 'every value comes up');
  }
});
