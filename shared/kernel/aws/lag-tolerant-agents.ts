import { Agent as HttpAgent, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { stallTolerantTimeout } from './stall-tolerant-timer.ts';

type Callback = (error: Error | null, stream: Duplex) => void;

const notConnected = (ms: number) =>
  Object.assign(new Error(`The socket did not connect within ${ms} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' });

/** A connection timeout that measures the server, not our own event loop (see stallTolerantTimeout). */
function armConnectTimeout(socket: Socket, ms: number): void {
  if (!socket.connecting) return;
  const disarm = stallTolerantTimeout(ms, () => {
    if (socket.connecting) socket.destroy(notConnected(ms));
  });
  socket.once('connect', disarm);
  socket.once('close', disarm);
}

function withConnectTimeout<A extends HttpAgent>(agent: A, ms: number): A {
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (options: ClientRequestArgs, callback?: Callback) => {
    const socket = create(options, callback);
    if (socket) armConnectTimeout(socket as Socket, ms);
    return socket;
  };
  return agent;
}

/** Keep-alive agents for the SDK's Node handler (whose own connection timeout is then left off), as its defaults but these. */
export function lagTolerantAgents({ connectionTimeout, maxSockets }: { connectionTimeout: number; maxSockets: number }) {
  const options = { keepAlive: true, maxSockets };
  return {
    httpAgent: withConnectTimeout(new HttpAgent(options), connectionTimeout),
    httpsAgent: withConnectTimeout(new HttpsAgent(options), connectionTimeout),
  };
}
