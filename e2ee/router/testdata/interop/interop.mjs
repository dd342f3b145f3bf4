// interop.mjs runs one third-party WAMP client library against a router: two
// sessions exercise pub/sub (args, kwargs, unicode, binary, a 512 KiB payload,
// exact, prefix and wildcard subscriptions), RPC (results, application
// errors), unsubscribe, unregister, leave and reconnect. It prints one line per
// step and exits non-zero on the first failure.
//
// usage: node interop.mjs autobahn|wampy ws://host:port/path|tcp://host:port json|msgpack|cbor
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { Wampy } from 'wampy';
import { JsonSerializer } from 'wampy/JsonSerializer.js';
import { MsgpackSerializer } from 'wampy/MsgpackSerializer.js';
import { CborSerializer } from 'wampy/CborSerializer.js';

const require = createRequire(import.meta.url);
const [lib, url, ser] = process.argv.slice(2);
const realm = process.env.INTEROP_REALM || 'realm1';
const timeoutMs = 10000;

// AutobahnJS 26 uses the platform WebSocket (Node 22+); older Node gets ws.
globalThis.WebSocket ??= WebSocket;
const autobahn = require('autobahn');

class AppError extends Error {
  constructor(uri, args, kwargs) { super(uri); this.uri = uri; this.args = args || []; this.kwargs = kwargs || {}; }
}

// Inbox buffers events of one subscription.
class Inbox {
  constructor() { this.items = []; this.waiters = []; }
  push(x) { const w = this.waiters.shift(); if (w) w(x); else this.items.push(x); }
  next(what) {
    if (this.items.length) return Promise.resolve(this.items.shift());
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timeout waiting for ' + what)), timeoutMs);
      this.waiters.push((x) => { clearTimeout(t); resolve(x); });
    });
  }
}

// openAutobahn and openWampy return the same small session interface.
async function openAutobahn() {
  const serializer = { json: autobahn.serializer.JSONSerializer, msgpack: autobahn.serializer.MsgpackSerializer, cbor: autobahn.serializer.CBORSerializer }[ser];
  const u = new URL(url);
  const transport = u.protocol === 'tcp:'
    ? { type: 'rawsocket', host: u.hostname, port: Number(u.port) }
    : { type: 'websocket', url, serializers: [new serializer()] };
  const conn = new autobahn.Connection({ transports: [transport], realm, max_retries: 0, retry_if_unreachable: false });
  const session = await new Promise((resolve, reject) => {
    conn.onopen = resolve;
    conn.onclose = (reason, details) => { reject(new Error('connection closed: ' + reason + ' ' + JSON.stringify(details))); return true; };
    conn.open();
  });
  const unwrapErr = (e) => { if (e instanceof autobahn.Error) throw new AppError(e.error, e.args, e.kwargs); throw e; };
  return {
    subscribe: (topic, opts, fn) => session.subscribe(topic, (args, kwargs, details) => fn(args || [], kwargs || {}, details), opts),
    unsubscribe: (sub) => session.unsubscribe(sub),
    publish: (topic, args, kwargs) => session.publish(topic, args, kwargs, { acknowledge: true }),
    register: (proc, fn) => session.register(proc, (args, kwargs) => {
      try {
        const r = fn(args || [], kwargs || {});
        return new autobahn.Result(r.args, r.kwargs);
      } catch (e) {
        if (e instanceof AppError) throw new autobahn.Error(e.uri, e.args, e.kwargs);
        throw e;
      }
    }),
    unregister: (reg) => session.unregister(reg),
    call: (proc, args, kwargs) => session.call(proc, args, kwargs).then((r) => {
      if (r instanceof autobahn.Result) return { args: r.args || [], kwargs: r.kwargs || {} };
      return { args: r === undefined || r === null ? [] : [r], kwargs: {} };
    }, unwrapErr),
    close: () => new Promise((resolve) => { conn.onclose = () => { resolve(); return true; }; conn.close(); }),
  };
}

async function openWampy() {
  const serializer = { json: JsonSerializer, msgpack: MsgpackSerializer, cbor: CborSerializer }[ser];
  const w = new Wampy(url, { realm, ws: WebSocket, serializer: new serializer(), autoReconnect: false });
  await w.connect();
  return {
    subscribe: (topic, opts, fn) => w.subscribe(topic, (e) => fn(e.argsList || [], e.argsDict || {}, e.details), opts),
    unsubscribe: (sub) => w.unsubscribe(sub.subscriptionId),
    publish: (topic, args, kwargs) => w.publish(topic, { argsList: args, argsDict: kwargs }),
    register: async (proc, fn) => {
      await w.register(proc, ({ argsList, argsDict }) => {
        try {
          const r = fn(argsList || [], argsDict || {});
          return { argsList: r.args, argsDict: r.kwargs };
        } catch (e) {
          if (e instanceof AppError) throw { error: e.uri, argsList: e.args, argsDict: e.kwargs };
          throw e;
        }
      });
      return proc;
    },
    unregister: (proc) => w.unregister(proc),
    call: (proc, args, kwargs) => w.call(proc, { argsList: args, argsDict: kwargs }).then(
      (r) => ({ args: r.argsList || [], kwargs: r.argsDict || {} }),
      (e) => { if (e.errorUri) throw new AppError(e.errorUri, e.argsList, e.argsDict); throw e; }),
    close: () => w.disconnect(),
  };
}

const open = { autobahn: openAutobahn, wampy: openWampy }[lib];
if (!open) throw new Error('unknown library ' + lib);
const binary = ser !== 'json';
const uni = 'héllo ✓ 😀 Ωμέγα 日本';
const step = (name) => console.log('step ' + name + ' ok');
const bytesOf = (v) => Buffer.from(v.buffer ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v);

async function main() {
  const a = await open();
  const b = await open();
  step('join');

  const exact = new Inbox(), prefix = new Inbox(), wild = new Inbox();
  const subExact = await b.subscribe('interop.t.a', undefined, (args, kwargs, details) => exact.push({ args, kwargs, details }));
  await b.subscribe('interop.t', { match: 'prefix' }, (args, kwargs, details) => prefix.push({ args, kwargs, details }));
  await b.subscribe('interop..a', { match: 'wildcard' }, (args, kwargs, details) => wild.push({ args, kwargs, details }));
  step('subscribe');

  const args = [1, uni, 2.5, true, [1, 'x'], { k: uni }];
  const kwargs = { uni, n: 7, nested: { l: [1, 2] } };
  await a.publish('interop.t.a', args, kwargs);
  for (const [box, name] of [[exact, 'exact'], [prefix, 'prefix'], [wild, 'wildcard']]) {
    const ev = await box.next(name + ' event');
    assert.deepEqual(ev.args, args);
    assert.deepEqual(ev.kwargs, kwargs);
    if (name !== 'exact') assert.equal(ev.details.topic, 'interop.t.a');
  }
  step('pubsub-args-kwargs-unicode');

  if (binary) {
    const bin = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await a.publish('interop.t.a', [new Uint8Array(bin)], {});
    for (const box of [exact, prefix, wild]) {
      const ev = await box.next('binary event');
      assert.ok(bytesOf(ev.args[0]).equals(bin), 'binary value changed');
    }
    step('pubsub-binary');
  }

  const big = 'x'.repeat(512 << 10);
  await a.publish('interop.t.a', [big], {});
  for (const box of [exact, prefix, wild]) {
    const ev = await box.next('512 KiB event');
    assert.equal(ev.args[0].length, big.length);
    assert.equal(ev.args[0], big);
  }
  if (binary) {
    const bigBin = Buffer.alloc(512 << 10, 0xa5);
    await a.publish('interop.t.a', [new Uint8Array(bigBin)], {});
    for (const box of [exact, prefix, wild]) {
      const ev = await box.next('512 KiB binary event');
      assert.ok(bytesOf(ev.args[0]).equals(bigBin), '512 KiB binary value changed');
    }
  }
  step('pubsub-512KiB');

  const regAdd = await b.register('interop.add', (args, kwargs) => ({ args: [args[0] + args[1]], kwargs: { echo: kwargs.s } }));
  await b.register('interop.echo', (args, kwargs) => ({ args, kwargs }));
  await b.register('interop.fail', () => { throw new AppError('com.example.error.fail', ['nope', uni], { why: uni }); });
  let r = await a.call('interop.add', [2, 3], { s: uni });
  assert.deepEqual(r.args, [5]);
  assert.equal(r.kwargs.echo, uni);
  r = await a.call('interop.echo', [big], { big });
  assert.equal(r.args[0], big);
  assert.equal(r.kwargs.big, big);
  step('rpc');

  await assert.rejects(a.call('interop.fail', [], {}), (e) => {
    assert.ok(e instanceof AppError, 'not an application error: ' + e);
    assert.equal(e.uri, 'com.example.error.fail');
    assert.deepEqual(e.args, ['nope', uni]);
    assert.equal(e.kwargs.why, uni);
    return true;
  });
  step('rpc-application-error');

  await b.unsubscribe(subExact);
  await a.publish('interop.t.a', ['after'], {});
  await a.publish('interop.t.b', ['marker'], {});
  assert.deepEqual((await prefix.next('event after unsubscribe')).args, ['after']);
  assert.deepEqual((await wild.next('wildcard event after unsubscribe')).args, ['after']);
  assert.deepEqual((await prefix.next('marker')).args, ['marker']);
  assert.equal(exact.items.length, 0, 'event after unsubscribe');
  step('unsubscribe');

  await b.unregister(regAdd);
  await assert.rejects(a.call('interop.add', [1, 2], {}), (e) => {
    assert.equal(e.uri, 'wamp.error.no_such_procedure');
    return true;
  });
  step('unregister');

  await a.close();
  const a2 = await open();
  await a2.publish('interop.t.c', ['again'], {});
  assert.deepEqual((await prefix.next('event after reconnect')).args, ['again']);
  r = await a2.call('interop.echo', ['hi'], {});
  assert.deepEqual(r.args, ['hi']);
  step('leave-reconnect');

  await a2.close();
  await b.close();
  step('done');
}

const watchdog = setTimeout(() => { console.error('interop: overall timeout'); process.exit(3); }, 60000);
main().then(() => { clearTimeout(watchdog); process.exit(0); }, (e) => {
  console.error('interop: FAIL: ' + (e && e.stack || e));
  process.exit(1);
});
