import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../server/db/database.ts';
import { EventLog } from '../../server/live/eventlog.ts';
import { InProcessFanout } from '../../server/live/fanout.ts';
import { SseHub } from '../../server/live/sse.ts';

describe('SSE hub bookkeeping', () => {
  test('a client that goes away leaves no subscription and no connection behind', async () => {
    const { db, close } = await openDatabase(':memory:');
    const fanout = new InProcessFanout();
    const hub = new SseHub(fanout, new EventLog(db, fanout), 60_000);
    try {
      const res = hub.open('f1', null, undefined);
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      assert.equal(first, 'retry: 3000\n\n');
      assert.equal(hub.size, 1);
      assert.equal(fanout.listenerCount('f1'), 1);
      await reader.cancel();
      assert.equal(hub.size, 0);
      assert.equal(fanout.listenerCount('f1'), 0);

      // the request's abort signal cleans up too
      const abort2 = new AbortController();
      hub.open('f1', null, abort2.signal);
      assert.equal(hub.size, 1);
      abort2.abort();
      assert.equal(hub.size, 0);
      assert.equal(fanout.listenerCount('f1'), 0);
    } finally {
      hub.closeAll();
      await close();
    }
  });

  test('closeAll ends every stream', async () => {
    const { db, close } = await openDatabase(':memory:');
    const fanout = new InProcessFanout();
    const hub = new SseHub(fanout, new EventLog(db, fanout), 60_000);
    try {
      const streams = [hub.open('a', null, undefined), hub.open('b', null, undefined), hub.open('a', null, undefined)];
      assert.equal(hub.size, 3);
      hub.closeAll();
      assert.equal(hub.size, 0);
      for (const s of streams) {
        const text = await s.text();
        assert.equal(text, 'retry: 3000\n\n');
      }
    } finally {
      await close();
    }
  });
});
