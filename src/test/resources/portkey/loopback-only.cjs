// Preload for `node --require loopback-only.cjs ...`: every TCP server the process opens
// listens on 127.0.0.1 only, whatever host (or none) the program asked for.
//
// Why: the Portkey gateway (1.15) has no host flag; it calls server.listen(port) and so
// listens on every interface. A test must not open a gateway to the network, even for a
// minute. http.Server inherits net.Server.prototype.listen, so one patch covers it.
//
// Once listening, it prints one line on stderr: "loopback-only: listening on 127.0.0.1:PORT",
// so a caller that asked for port 0 (any free port) learns the port without a race.
'use strict';

const net = require('node:net');

const HOST = '127.0.0.1';
const original = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  const first = args[0];
  let options;
  if (first === undefined || first === null || isPort(first)) {
    // listen([port[, host[, backlog]]]): the host, if any, is replaced.
    options = { port: first == null ? 0 : Number(first) };
    const backlog = args.find((a, i) => i > 0 && typeof a === 'number');
    if (backlog !== undefined) {
      options.backlog = backlog;
    }
  } else if (typeof first === 'object' && !('fd' in first) && !('_handle' in first) && !('path' in first)) {
    // listen(options): a TCP listen; keep everything but the host.
    options = { ...first, host: HOST };
    delete options.ipv6Only;
  } else {
    // A unix socket path, a handle or an fd: not a TCP port on an interface.
    return original.apply(this, callback ? [...args, callback] : args);
  }
  options.host = HOST;
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') {
      process.stderr.write(`loopback-only: listening on ${address.address}:${address.port}\n`);
    }
  });
  return callback ? original.call(this, options, callback) : original.call(this, options);
};
