import * as z from './validation.ts';

export function prefixedId(prefix: string) {
  return z.string().check(z.regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be a ${prefix}_ id`));
}

export const GroupId = prefixedId('grp');
export const ParticipantId = prefixedId('prt');
export const ProgramId = prefixedId('prg');
export const EnrollmentId = prefixedId('enr');
export const ProductId = prefixedId('prd');
export const ImageId = prefixedId('img');
export const OrderId = prefixedId('ord');
export const PayoutId = prefixedId('pay');
export const MentoringSessionId = prefixedId('mtr');
export const PlacementId = prefixedId('plc');
export const FollowUpId = prefixedId('fup');
