/**
 * Path IDs that are not IDs, with the code each must get; every route with an `{…ID}` in its
 * path checks them (and that the message names the path parameter).
 */
export const BAD_PATH_IDS: [id: string, code: string][] = [
  ['abc', 'request.field_type'],
  ['0', 'request.field_too_small'],
  ['-1', 'request.field_too_small'],
  ['1.5', 'request.field_type'],
  ['99999999999', 'request.field_too_large'],
]
