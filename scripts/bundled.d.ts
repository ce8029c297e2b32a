// The types of scripts/bundled.js (plain JavaScript: it runs before any TypeScript loader).

/** The bundle of `entry` in `cacheDir`, built first when missing or stale (see bundled.js). */
export function ensureBundle(entry: string, options?: { root?: string; cacheDir?: string }): Promise<{ file: string; built: boolean }>;
