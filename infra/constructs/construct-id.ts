/** `list-groups` → `ListGroups`: declaration names become readable construct ids and logical-id prefixes. */
export function toConstructId(kebab: string): string {
  return kebab.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
