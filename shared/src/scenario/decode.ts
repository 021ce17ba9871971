import type { ScenarioProblem } from "./parse.ts";

const howToSave =
  "save it again with the encoding UTF-8 (in most editors, 'Save with encoding' or 'Reopen with encoding')";

/**
 * Scenario files are UTF-8. A file saved in another encoding (Latin-1, Windows-1252, UTF-16)
 * would be read with '�' in place of its accented letters, quotes and dashes, and students
 * would read those briefs: such a file is a problem naming the line of its first byte that
 * is not UTF-8, the text around it, and what to do. Undefined for a UTF-8 file. Pure: the
 * caller reads the file, and decodes it once this finds nothing.
 */
export function encodingProblem(bytes: Uint8Array, file = "scenario.yaml"): ScenarioProblem | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const message = `the file is saved as UTF-16 ('Unicode'), not UTF-8: ${howToSave}`;
    return { file, line: 1, field: "", message, severity: "error" };
  }
  let bad = -1;
  for (let i = 0; i < bytes.length; i += Math.max(1, sequenceLength(bytes, i))) {
    if (sequenceLength(bytes, i) === 0) {
      bad = i;
      break;
    }
  }
  if (bad < 0) return undefined;

  const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
  const lineEnd = bytes.indexOf(0x0a, bad);
  const text = decodeLoosely(bytes.subarray(lineStart, lineEnd < 0 ? bytes.length : lineEnd)).trim();
  const near = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  const byte = `0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
  const message = `byte ${byte} is not UTF-8 text (in '${near}'): the file was saved in another encoding, such as Latin-1 or Windows-1252, and players would read '�' in place of its accented letters, quotes and dashes; ${howToSave}`;
  return { file, line, field: "", message, severity: "error" };
}

/** The length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const length =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return 0;
  // The second byte's range excludes overlong forms, UTF-16 surrogates and code points past U+10FFFF.
  const second = bytes[i + 1] ?? 0;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

/** UTF-8 bytes as text, with '�' for each byte that is not part of a well-formed sequence. */
function decodeLoosely(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      text += "�";
      i++;
      continue;
    }
    const lead = bytes[i] ?? 0;
    let code = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) code = (code << 6) | ((bytes[i + k] ?? 0) & 0x3f);
    text += String.fromCodePoint(code);
    i += length;
  }
  return text;
}
