/**
 * The form of a name (username, key name) that decides whether two names are the same: NFKC
 * (fullwidth `ａｄｍｉｎ` is `admin`) and case-folded (`Admin` is `admin`, `STRASSE` is
 * `straße`), so look-alikes made of compatibility characters or case cannot pass for another.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')
}
