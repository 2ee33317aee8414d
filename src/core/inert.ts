/**
 * Making knowledge-base text inert in the media it is shown in. A knowledge file is a team's
 * own — or anyone's, once it is shared — so none of its strings may become a link, a heading, a
 * command or a terminal control sequence: Markdown text is escaped (see `escape` in card.ts),
 * URLs are checked and encoded here, and text for a terminal has its controls made visible.
 */

// C0 controls, DEL and C1 controls; line and paragraph separators; bidirectional overrides and
// isolates, which reorder what a terminal or editor shows ("Trojan Source").
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, except tab and line feed, for text that is multi-line on purpose (a card, a snippet).
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` for ESC: a character as a visible escape. */
function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * One field of a line of terminal output (a name, an id, a file name, a message): every control
 * character — line breaks and tabs included, so a field cannot start a line of its own or shift
 * the columns — becomes a visible escape such as `\u001b`.
 */
export function terminalField(text: string): string {
  return text.replace(CONTROLS, visible);
}

/**
 * Multi-line text for a terminal (a card, a snippet's text): line feeds and tabs stay, every
 * other control character (ESC, CR, C1 controls, bidirectional overrides) becomes a visible
 * escape such as `\u001b`.
 */
export function terminalText(text: string): string {
  return text.replace(CONTROLS_BUT_LAYOUT, visible);
}

/**
 * The characters a URL may keep in a Markdown link destination or autolink: unreserved and
 * reserved URI characters, and `%` of an existing escape. Everything else — parentheses and
 * brackets (which end a link early), spaces, quotes, `<`, `>`, backslashes, controls and
 * non-ASCII — is percent-encoded.
 */
const UNSAFE_IN_URL = /[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/gu;

// `https://` then a host name (letters, digits, dots, hyphens; no user info, which could make
// `https://trusted.example@evil.example` read as the first), an optional port, then a path,
// query or fragment or nothing.
const HTTPS_URL = /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?(?:[/?#]|$)/i;

/** Longest URL kept; longer ones are dropped rather than shown (browsers stop at about 2 MB). */
const MAX_URL_LENGTH = 8192;

/**
 * The URL made safe to put in a Markdown link `[text](url)` or autolink `<url>`, or `undefined`
 * when it is not one to show: only `https:` URLs with a plain host name are kept, and every
 * character outside the URI's own set is percent-encoded, so `https://a)[click](command:x)`
 * stays one link to `https://a%29%5Bclick%5D%28command:x%29` — to a host that does not exist,
 * never to a `command:` or `javascript:` link.
 */
export function safeHttpsUrl(url: string): string | undefined {
  if (url.length > MAX_URL_LENGTH || !HTTPS_URL.test(url)) return undefined;
  return linkDestination(`https://${url.slice('https://'.length)}`);
}

/**
 * A link target the caller made (an entry link, an own `command:` URI) with every character
 * outside the URI's own set percent-encoded, so it cannot end the Markdown link early.
 */
export function linkDestination(href: string): string {
  return href.replace(UNSAFE_IN_URL, percentEncoded);
}

/**
 * A character as UTF-8 percent escapes: `encodeURIComponent`, which leaves `!'()*` as they are,
 * with those encoded too. A lone surrogate (not encodable as UTF-8) is encoded as U+FFFD.
 */
function percentEncoded(c: string): string {
  const encoded = encodeURIComponent(c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : c);
  return encoded.replace(/[!'()*]/g, (d) => `%${d.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Text for a VS Code label, description or detail (a quick pick item, a CodeLens title), where
 * `$(name)` shows as an icon: line breaks and tabs become a space, other controls visible
 * escapes, and `$(` is escaped as VS Code's own `escapeIcons` does, so the text shows as written.
 */
export function plainLabel(text: string): string {
  return terminalField(text.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')).replace(/\$\(/g, '\\$(');
}
