import * as z from 'zod';
import { GroupId, ParticipantId } from '#events/ids';
import { normalizeIndonesianPhone } from './phone.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const GroupSchema = z.object({
  id: GroupId,
  name: z.string(),
  focus: z.string(),
  district: z.string(),
  participantSharePercent: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Group = z.infer<typeof GroupSchema>;

export const CreateGroupSchema = z.strictObject({
  name: text(120),
  focus: text(200),
  district: text(120),
  participantSharePercent: z.number().int().min(0).max(100).default(80),
});
export type CreateGroup = z.output<typeof CreateGroupSchema>;

export const PhoneSchema = z.string().transform((value, ctx) => {
  const phone = normalizeIndonesianPhone(value);
  if (phone === undefined) {
    ctx.addIssue({ code: 'custom', message: 'Must be an Indonesian phone number such as 0812… or +62812…' });
    return z.NEVER;
  }
  return phone;
});

export const ProfileSchema = z.object({
  displayName: z.string().nullable(),
  story: z.string().nullable(),
  publicConsent: z.boolean(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const UpdateProfileSchema = z.strictObject({
  displayName: text(60).nullable(),
  story: text(2000).nullable(),
  publicConsent: z.boolean(),
});

export const SellerStatusSchema = z.enum(['not_eligible', 'eligible']);

/** The private view: officers, the group's facilitators, admins and the participant only. */
export const ParticipantSchema = z.object({
  id: ParticipantId,
  legalName: z.string(),
  registerNumber: z.string(),
  groupId: GroupId,
  supervisionEndsOn: z.iso.date(),
  phone: z.string().nullable(),
  officerSub: z.string(),
  sellerStatus: SellerStatusSchema,
  profile: ProfileSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const RegisterParticipantSchema = z.strictObject({
  legalName: text(200),
  registerNumber: text(64),
  groupId: GroupId,
  supervisionEndsOn: z.iso.date(),
  phone: PhoneSchema.optional(),
});
export type RegisterParticipant = z.output<typeof RegisterParticipantSchema>;

/** The public view, shown only with consent: never a private field. */
export const ArtisanSchema = z.object({
  id: ParticipantId,
  displayName: z.string(),
  story: z.string().nullable(),
  groupId: GroupId,
});
export type Artisan = z.infer<typeof ArtisanSchema>;

export const GroupParamsSchema = z.object({ groupId: GroupId });
export const ParticipantParamsSchema = z.object({ participantId: ParticipantId });
