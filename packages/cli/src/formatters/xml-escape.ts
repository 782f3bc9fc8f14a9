/**
 * XML 1.0 text and attribute escaping. Messages quote the user's own file, so anything may
 * appear in them: characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/F)
 * would make the whole report unreadable to a CI server, so they become U+FFFD.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(s: string): string {
  return s.replace(FORBIDDEN, '\ufffd');
}

/**
 * Element text. A CR is written `&#13;`: a parser folds a literal CR (and CRLF) to LF, so the
 * text read back would differ. A line of the text that would begin with `::` (a GitHub
 * workflow command, if the report is printed to a CI log) gets its first colon as `&#58;` —
 * the same text to any XML reader.
 */
export function escapeXmlText(s: string): string {
  return clean(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(/(^|\n)([^\S\n]*):(?=:)/g, '$1$2&#58;');
}

/** Attribute values also keep their line breaks and tabs (a parser would fold them to spaces). */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
