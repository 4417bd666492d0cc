import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedDelivery {
  headers: Record<string, string>;
  body: string;
  /** the parsed body, for finding the deliveries a test caused among everyone's */
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** How the partner answers a request: a status (and headers), or 'hang' (never answer). */
export type Answer = { status: number; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** the deliveries about one participant (other tests register participants too) */
  about(participantId: string): ReceivedDelivery[];
  close(): Promise<void>;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}

/**
 * A partner's endpoint, as a real HTTP server on 127.0.0.1 (the one private address the local runtime delivers to).
 * `answer` gets each request and how many requests with its webhook-id came before it.
 */
export async function startReceiver(answer: (delivery: ReceivedDelivery, earlier: number) => Answer): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const sockets = new Set<Socket>();
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const delivery: ReceivedDelivery = { headers: flatten(request.headers), body, json: JSON.parse(body) as ReceivedDelivery['json'] };
      const earlier = received.filter((other) => other.headers['webhook-id'] === delivery.headers['webhook-id']).length;
      received.push(delivery);
      const reply = answer(delivery, earlier);
      if (reply === 'hang') return void hanging.push(response);
      response.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
      response.end('ok');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    about: (participantId) => received.filter((delivery) => delivery.json.data.participantId === participantId),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
