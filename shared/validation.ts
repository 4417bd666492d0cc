import { en } from 'zod/locales';
import * as z from 'zod/mini';

// zod/mini keeps a cold start small (about 20 KB against classic zod's 90 KB) but ships no messages:
// without a locale every error would read "Invalid input".
z.config(en());

export { z };
