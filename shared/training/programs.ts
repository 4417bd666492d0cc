import { type Caller, hasRole, isFacilitatorOf } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { ForbiddenError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import type { Page } from '#shared/kernel/store/page-schemas';
import type { ProgramStore } from './ports.ts';
import type { CreateProgram, ListProgramsQuery, Program } from './schemas.ts';

export interface ProgramDeps {
  programs: ProgramStore;
  clock: Clock;
}

export async function createProgram(deps: ProgramDeps, caller: Caller, input: CreateProgram): Promise<Program> {
  if (!hasRole(caller, 'admin') && !isFacilitatorOf(caller, input.groupId)) {
    throw new ForbiddenError("Only the group's facilitators or an admin create its programs");
  }
  const program: Program = { id: newId('prg'), ...input, createdAt: deps.clock.now().toISOString() };
  await deps.programs.create(program);
  return program;
}

export function listPrograms(deps: Pick<ProgramDeps, 'programs'>, query: ListProgramsQuery): Promise<Page<Program>> {
  const { groupId, ...page } = query;
  return deps.programs.list(groupId, page);
}
