import * as z from '#shared/kernel/validation';

/** Free text a person types: trimmed, never blank, and bounded so no field can grow a record without limit. */
export const textField = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
