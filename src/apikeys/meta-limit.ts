/**
 * The size limit of an API key's `meta`, apart from the schema so that the console checks the
 * same limit before it sends.
 *
 * @module
 */

/** Largest `meta`, as JSON text in UTF-8: it travels with every verification. */
export const META_MAX_BYTES = 4096
