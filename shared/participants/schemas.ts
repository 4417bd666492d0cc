import { GroupId, ParticipantId } from '#events/ids';
import { textField } from '#shared/kernel/text-field';
import * as z from '#shared/kernel/validation';
import { normalizeIndonesianPhone } from './phone.ts';

export const GroupSchema = z.object({
  id: GroupId,
  name: z.string(),
  focus: z.string(),
  district: z.string(),
  participantSharePercent: z.int(),
  createdAt: z.iso.datetime(),
});
export type Group = z.infer<typeof GroupSchema>;

export const CreateGroupSchema = z.strictObject({
  name: textField(120),
  focus: textField(200),
  district: textField(120),
  participantSharePercent: z._default(z.int().check(z.minimum(0), z.maximum(100)), 80),
});
export type CreateGroup = z.output<typeof CreateGroupSchema>;

export const PhoneSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const phone = normalizeIndonesianPhone(value);
    if (phone === undefined) {
      ctx.issues.push({ code: 'custom', message: 'Must be an Indonesian phone number such as 0812… or +62812…', input: value });
      return z.NEVER;
    }
    return phone;
  }),
);

export const ProfileSchema = z.object({
  displayName: z.nullable(z.string()),
  story: z.nullable(z.string()),
  publicConsent: z.boolean(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const UpdateProfileSchema = z.strictObject({
  displayName: z.nullable(textField(60)),
  story: z.nullable(textField(2000)),
  publicConsent: z.boolean(),
});

export const SellerStatusSchema = z.enum(['not_eligible', 'eligible']);

/**
 * The private view: officers, the group's facilitators, admins and the participant only.
 * After erasure (`erasedAt` set) legalName, registerNumber and phone are null and the profile is empty.
 */
export const ParticipantSchema = z.object({
  id: ParticipantId,
  legalName: z.nullable(z.string()),
  registerNumber: z.nullable(z.string()),
  groupId: GroupId,
  supervisionEndsOn: z.iso.date(),
  phone: z.nullable(z.string()),
  officerSub: z.string(),
  sellerStatus: SellerStatusSchema,
  profile: ProfileSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  erasedAt: z.nullable(z.iso.datetime()),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const RegisterParticipantSchema = z.strictObject({
  legalName: textField(200),
  registerNumber: textField(64),
  groupId: GroupId,
  supervisionEndsOn: z.iso.date(),
  phone: z.optional(PhoneSchema),
});
export type RegisterParticipant = z.output<typeof RegisterParticipantSchema>;

/** The public view, shown only with consent: never a private field. */
export const ArtisanSchema = z.object({
  id: ParticipantId,
  displayName: z.string(),
  story: z.nullable(z.string()),
  groupId: GroupId,
});
export type Artisan = z.infer<typeof ArtisanSchema>;

export const GroupParamsSchema = z.object({ groupId: GroupId });
export const ParticipantParamsSchema = z.object({ participantId: ParticipantId });
