/**
 * What makes two names one within a session: case, compatibility forms (full-width letters)
 * and invisible characters do not tell students apart. The server refuses a second student
 * of the same name by it, and the dashboard matches the class list with it.
 */
export function nameKey(name: string): string {
  return name
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "")
    .normalize("NFKC")
    .toLowerCase();
}
