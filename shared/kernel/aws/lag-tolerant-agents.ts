import { Agent as HttpAgent, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

type Callback = (error: Error | null, stream: Duplex) => void;

const notConnected = (ms: number) =>
  Object.assign(new Error(`The socket did not connect within ${ms} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' });

/**
 * A connection timeout that measures the server, not our own event loop. The SDK's own timer fires in the loop's
 * timers phase, before the poll phase that would deliver a connection the kernel completed while the loop was busy:
 * on the local runtime, where one process serves a whole burst of invocations, a 600 ms stall in our own code turned
 * half of 200 reads into 503s although DynamoDB Local had accepted every connection. Checking again after the poll
 * phase (setImmediate) sees those connections, and still cuts one that truly has not connected.
 */
function armConnectTimeout(socket: Socket, ms: number): void {
  if (!socket.connecting) return;
  const timer = setTimeout(
    () =>
      setImmediate(() => {
        if (socket.connecting) socket.destroy(notConnected(ms));
      }),
    ms,
  );
  const disarm = () => clearTimeout(timer);
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
