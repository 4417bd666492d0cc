/**
 * Indonesian numbers as people write them (0812-3456-7890, 62812…, +62 812…) to E.164.
 * Returns undefined for anything that is not a plausible Indonesian number.
 */
export function normalizeIndonesianPhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  const national = compact.startsWith('+62')
    ? compact.slice(3)
    : compact.startsWith('62')
      ? compact.slice(2)
      : compact.startsWith('0')
        ? compact.slice(1)
        : undefined;
  // E.164 allows 15 digits; with the 62 prefix that leaves 8 to 13 national digits, never starting with 0.
  return national !== undefined && /^[1-9]\d{7,12}$/.test(national) ? `+62${national}` : undefined;
}
