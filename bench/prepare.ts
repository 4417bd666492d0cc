import type { HttpBench } from './http.ts';

async function post(apiUrl: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

const tokenFor = async (apiUrl: string, claims: Record<string, unknown>) => (await post(apiUrl, '/_local/token', claims)).token as string;

/** The records the benches read, made through the API like any client would. */
export async function prepareHttpBenches(apiUrl: string): Promise<HttpBench[]> {
  const admin = await tokenFor(apiUrl, { sub: 'bench-admin', roles: ['admin'] });
  const officer = await tokenFor(apiUrl, { sub: 'bench-officer', roles: ['officer'] });
  const group = await post(apiUrl, '/groups', { name: 'Bench Group', focus: 'Benchmarks', district: 'Mataram' }, admin);
  const participant = await post(
    apiUrl,
    '/participants',
    { legalName: 'Bench Participant', registerNumber: 'BENCH-1', groupId: group.id, supervisionEndsOn: '2027-12-31', phone: '081234567890' },
    officer,
  );
  return [
    { name: 'GET /groups/{id}', path: `/groups/${group.id}` },
    { name: 'GET /participants/{id}', path: `/participants/${participant.id}`, token: officer },
  ];
}
