// Preloaded into every Node process of the deploy rehearsal (NODE_OPTIONS=--require): a connection
// to anything but loopback is refused and written to REHEARSAL_NETWORK_LOG, so the rehearsal
// proves that a deploy needs no network beyond the stand-ins it starts.
'use strict';
const fs = require('node:fs');
const net = require('node:net');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;
const connect = net.Socket.prototype.connect;

function targetOf(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') return first.path !== undefined ? undefined : String(first.host ?? 'localhost');
  if (typeof first === 'string' && Number.isNaN(Number(first))) return undefined; // a Unix socket or pipe
  return String(args[1] ?? 'localhost');
}

net.Socket.prototype.connect = function guardedConnect(...args) {
  const host = targetOf(args);
  if (host === undefined || LOOPBACK.test(host)) return connect.apply(this, args);
  if (process.env.REHEARSAL_NETWORK_LOG) {
    fs.appendFileSync(process.env.REHEARSAL_NETWORK_LOG, `${JSON.stringify({ host, argv: process.argv.slice(1, 3) })}\n`);
  }
  const refused = Object.assign(new Error(`connect ECONNREFUSED ${host} (the deploy rehearsal allows loopback only)`), { code: 'ECONNREFUSED' });
  process.nextTick(() => this.destroy(refused));
  return this;
};
