import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#shared/kernel/errors';
import { checkEndpointUrl, endpointPolicyFor, refusedAddressReason, type Resolver } from '#shared/webhooks/url-policy';

const deployed = endpointPolicyFor('prod');
const local = endpointPolicyFor('local');
const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses;
const unresolvable: Resolver = async () => {
  throw new Error('ENOTFOUND');
};

async function refusal(url: string, policy = deployed, resolve: Resolver = resolvesTo('93.184.215.14')) {
  const error = await checkEndpointUrl(url, policy, resolve).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(InvalidInputError);
  const { errors } = error as InvalidInputError;
  expect(errors).toHaveLength(1);
  expect(errors[0]?.path).toBe('body.url');
  return errors[0]?.message;
}

describe('the endpoint URL policy', () => {
  it('accepts an https URL whose host resolves to public addresses only', async () => {
    const url = await checkEndpointUrl(
      'https://partner.example/hooks?source=pas',
      deployed,
      resolvesTo('93.184.215.14', '2606:2800:21f:cb07::1'),
    );

    expect(url).toBe('https://partner.example/hooks?source=pas');
  });

  it('refuses http deployed, and anything but http(s) everywhere', async () => {
    expect(await refusal('http://partner.example/hooks')).toMatch(/https/);
    expect(await refusal('ftp://partner.example/hooks', local)).toMatch(/http or https/);
    expect(await refusal('not a url')).toMatch(/absolute URL/);
  });

  it.each([
    ['https://169.254.169.254/latest/meta-data', /link-local or metadata/],
    ['https://10.1.2.3/', /private/],
    ['https://172.20.0.1/', /private/],
    ['https://192.168.1.1/', /private/],
    ['https://100.64.12.1/', /carrier-grade NAT/],
    ['https://127.0.0.1/', /loopback/],
    ['https://0.0.0.0/', /this network/],
    ['https://[::1]/', /loopback/],
    ['https://[fe80::1]/', /link-local/],
    ['https://[fd00:ec2::254]/', /metadata/],
    ['https://[::ffff:169.254.169.254]/', /IPv4-mapped/],
  ])('refuses the literal address of %s deployed', async (url, reason) => {
    expect(await refusal(url)).toMatch(reason);
  });

  it('refuses a name when any of its addresses is refused', async () => {
    expect(await refusal('https://sneaky.example/', deployed, resolvesTo('93.184.215.14', '10.0.0.5'))).toMatch(
      /sneaky\.example resolves to 10\.0\.0\.5, a private address/,
    );
  });

  it('refuses a name that does not resolve, and credentials in the URL', async () => {
    expect(await refusal('https://nowhere.example/', deployed, unresolvable)).toMatch(/does not resolve/);
    expect(await refusal('https://user:pass@partner.example/')).toMatch(/credentials/);
  });

  it('allows loopback locally, and only 127.0.0.1 and ::1', async () => {
    expect(await checkEndpointUrl('http://127.0.0.1:8080/hooks', local)).toBe('http://127.0.0.1:8080/hooks');
    expect(await checkEndpointUrl('http://localhost:8080/hooks', local, resolvesTo('127.0.0.1', '::1'))).toBe(
      'http://localhost:8080/hooks',
    );
    expect(await refusal('http://127.0.0.2/hooks', local)).toMatch(/loopback/);
    expect(await refusal('http://169.254.169.254/', local)).toMatch(/metadata/);
  });

  it('classifies addresses as the delivery-time check does', () => {
    expect(refusedAddressReason('8.8.8.8', deployed)).toBeUndefined();
    expect(refusedAddressReason('127.0.0.1', deployed)).toMatch(/loopback/);
    expect(refusedAddressReason('127.0.0.1', local)).toBeUndefined();
  });
});
