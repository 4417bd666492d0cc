import { type Caller, hasRole } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { GroupStore } from './ports.ts';
import type { CreateGroup, Group } from './schemas.ts';

export interface GroupDeps {
  groups: GroupStore;
  clock: Clock;
}

export async function createGroup(deps: GroupDeps, caller: Caller, input: CreateGroup): Promise<Group> {
  if (!hasRole(caller, 'admin')) throw new ForbiddenError('Only an admin registers groups');
  const group: Group = { id: newId('grp'), ...input, createdAt: deps.clock.now().toISOString() };
  await deps.groups.create(group);
  return group;
}

export async function getGroup(deps: Pick<GroupDeps, 'groups'>, groupId: string): Promise<Group> {
  const group = await deps.groups.get(groupId);
  if (!group) throw new NotFoundError('Group');
  return group;
}

export function listGroups(deps: Pick<GroupDeps, 'groups'>, page: PageRequest): Promise<Page<Group>> {
  return deps.groups.list(page);
}
