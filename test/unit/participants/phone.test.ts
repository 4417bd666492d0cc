import { describe, expect, it } from 'vitest';
import { normalizeIndonesianPhone } from '#shared/participants/phone';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0370) 123456', '+62370123456'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each(['12345', '+6512345678', '0012345678', '08123', '0812345678901234', 'telepon', '+62081234567'])('rejects %s', (input) => {
    expect(normalizeIndonesianPhone(input)).toBeUndefined();
  });
});
