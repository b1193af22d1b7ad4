/**
 * The limits of an API key's settings for the operator's own services, apart from the schema
 * so that the console checks the same limits before it sends (and its hints name them).
 *
 * @module
 */

/** Largest `meta`, as JSON text in UTF-8: it travels with every verification. */
export const META_MAX_BYTES = 4096

/** Longest `externalID`, in characters. */
export const EXTERNAL_ID_MAX_LENGTH = 255

/** Most `tags` a key has. */
export const TAGS_MAX_ITEMS = 20

/** Longest tag, in characters. */
export const TAG_MAX_LENGTH = 64
