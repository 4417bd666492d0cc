import { describe, expect, it } from 'vitest';
import { localOnlyRefusal } from '#infra/local/http-api/local-only-guard';

describe('the /_local/* guard', () => {
  it.each([
    { host: '127.0.0.1:3000' },
    { host: 'localhost:3000' },
    { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' },
    { host: 'localhost:3000', origin: 'http://localhost:3000' },
  ])('lets this machine in: %o', (headers) => {
    expect(localOnlyRefusal(headers, 3000)).toBeUndefined();
  });

  it.each([
    { host: 'evil.example:3000' },
    { host: '127.0.0.1:3001' },
    { host: '127.0.0.1' },
    {},
    { host: '127.0.0.1:3000', origin: 'https://evil.example' },
    { host: '127.0.0.1:3000', origin: 'http://localhost:5173' },
    { host: '127.0.0.1:3000', origin: 'null' },
  ])('refuses %o', (headers) => {
    expect(localOnlyRefusal(headers, 3000)).toMatch(/_local/);
  });
});
