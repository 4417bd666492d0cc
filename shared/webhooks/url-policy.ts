import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { InvalidInputError } from '#shared/kernel/errors';

/**
 * Where webhooks may point. Deployed: https only, public addresses only. Locally (CONTRACT §5): http or https, and
 * loopback (127.0.0.1, ::1) as the one exception, so a test can run its own receiver.
 */
export interface EndpointPolicy {
  schemes: readonly string[];
  /** addresses allowed although they are in a refused range */
  allowedAddresses: readonly string[];
}

export const loopbackAddresses = ['127.0.0.1', '::1'] as const;

export function endpointPolicyFor(stage: string): EndpointPolicy {
  return stage === 'local'
    ? { schemes: ['http:', 'https:'], allowedAddresses: loopbackAddresses }
    : { schemes: ['https:'], allowedAddresses: [] };
}

/** Ranges a partner endpoint can never be in: they reach our own network, the host, or the cloud's metadata service. */
const refusedRanges: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'a "this network" address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local or metadata address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['192.0.2.0', 24, 'ipv4', 'a documentation address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['198.51.100.0', 24, 'ipv4', 'a documentation address'],
  ['203.0.113.0', 24, 'ipv4', 'a documentation address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'the unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  // Mapped and translated IPv4 would smuggle any of the above past an IPv6 check.
  ['::ffff:0:0', 96, 'ipv6', 'an IPv4-mapped address'],
  ['64:ff9b::', 96, 'ipv6', 'a NAT64 address'],
  ['100::', 64, 'ipv6', 'a discard address'],
  ['2001:db8::', 32, 'ipv6', 'a documentation address'],
  // fd00:ec2::254 is the EC2 metadata service over IPv6.
  ['fc00::', 7, 'ipv6', 'a unique-local (private) or metadata address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

const ranges = refusedRanges.map(([network, prefix, type, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { list, type, reason };
});

/** Why an address may not be a webhook target, or undefined when it may. */
export function refusedAddressReason(address: string, policy: EndpointPolicy): string | undefined {
  if (policy.allowedAddresses.includes(address)) return undefined;
  const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return ranges.find((range) => range.type === type && range.list.check(address, type))?.reason;
}

export type Resolver = (hostname: string) => Promise<string[]>;

export const dnsResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

const refuse = (message: string) => new InvalidInputError('The webhook URL is not allowed', [{ path: 'body.url', message }]);

/**
 * Checks a URL a partner registers: an absolute URL with an allowed scheme, no credentials, and a host whose every
 * address is allowed. The delivery checks addresses again when it connects (DNS can change after registration).
 */
export async function checkEndpointUrl(raw: string, policy: EndpointPolicy, resolve: Resolver = dnsResolver): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('Must be an absolute URL such as https://partner.example/webhooks');
  }
  if (!policy.schemes.includes(url.protocol)) throw refuse(`Must use ${policy.schemes.map((scheme) => scheme.slice(0, -1)).join(' or ')}`);
  if (url.username || url.password) throw refuse('Must not carry credentials; every delivery is signed instead');
  if (url.hash) throw refuse('Must not have a #fragment');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw refuse(`The host ${host} does not resolve`);
    }
    if (addresses.length === 0) throw refuse(`The host ${host} does not resolve`);
  }
  for (const address of addresses) {
    const reason = refusedAddressReason(address, policy);
    if (reason)
      throw refuse(`${host === address ? address : `${host} resolves to ${address}`}, ${reason}: webhooks must reach a public host`);
  }
  return url.href;
}
