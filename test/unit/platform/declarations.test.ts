import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { declarations } from '#functions/declarations';
import { handlerEntry } from '#shared/kernel/declaration';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** functions/<context>/<task>/function.ts, as `<context>/<task>` */
function declaredFolders(): string[] {
  const subfolders = (path: string) =>
    readdirSync(`${repositoryRoot}${path}`, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return subfolders('functions').flatMap((context) =>
    subfolders(`functions/${context.name}`)
      .filter((task) => existsSync(`${repositoryRoot}functions/${context.name}/${task.name}/function.ts`))
      .map((task) => `${context.name}/${task.name}`),
  );
}

describe('functions/declarations.ts', () => {
  it('lists every function folder, so none is left out of the stack and the local runtime', () => {
    const listed = declarations.map((declaration) => `${declaration.context}/${declaration.name}`);

    expect(declaredFolders().filter((folder) => !listed.includes(folder))).toEqual([]);
  });

  it('names each function by its folder, where its handler is', () => {
    const misplaced = declarations.filter((declaration) => !existsSync(`${repositoryRoot}${handlerEntry(declaration)}`));

    expect(misplaced.map((declaration) => declaration.name)).toEqual([]);
  });

  it('lists each function once', () => {
    const names = declarations.map((declaration) => declaration.name);

    expect(names.length).toBe(new Set(names).size);
  });
});
