// The one locale by path: the 'zod/locales' index would bundle every language (+450 KB).
import en from 'zod/v4/locales/en.js';
import { config } from 'zod/mini';

/**
 * zod/mini, with English messages. Import it as a namespace (`import * as z from './validation.ts'`; contexts use `#shared/kernel/validation`):
 * esbuild then keeps only the schemas a function uses, about 20 KB against classic zod's 90 KB.
 * Mini ships no messages of its own; without a locale every error would read "Invalid input".
 */
config(en());

export * from 'zod/mini';
