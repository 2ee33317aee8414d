/**
 * A snippet's body is a VS Code snippet template: text with placeholders (`${1:your clinic}`),
 * choices (`${2|call 911,go to the emergency room|}`) and tab stops (`$0`). The slots are the
 * variation a team is allowed; the text around them is the vetted wording. This module reads
 * templates and decides whether a text is a template's wording, whatever the slots hold.
 */

/** A run of vetted wording, as the reader sees it (escapes resolved). */
export interface TextPart {
  readonly kind: 'text';
  readonly text: string;
}

/** A slot the writer may fill: a placeholder with a default, a choice, or an empty tab stop. */
export interface SlotPart {
  readonly kind: 'slot';
  readonly index: number;
  /** What the slot holds when inserted: the placeholder's default or the first choice; `''` for a tab stop. */
  readonly value: string;
  /** For a choice: every option. A filled choice must be one of them. */
  readonly options?: readonly string[];
}

export type TemplatePart = TextPart | SlotPart;

/** Something in a template that VS Code would read differently from what the author meant. */
export interface TemplateProblem {
  /** UTF-16 offset into the body. */
  readonly offset: number;
  readonly message: string;
}

export interface Template {
  readonly parts: readonly TemplatePart[];
  readonly problems: readonly TemplateProblem[];
}

const SLOT = /\$(?:(\d+)|\{(\d+)(?:(:)|\|)?)/y;

/**
 * Reads a snippet template in one pass. Supported: `$n`, `${n}`, `${n:default}` with a plain
 * default, `${n|a,b|}`, and the escapes `\$`, `\}`, `\\` (and `\,` `\|` inside a choice).
 * Variables (`$TM_FILENAME`) and nested placeholders are reported, because vetted text must
 * read the same in every editor; the text is still read, as literally as possible.
 */
export function parseTemplate(body: string): Template {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && (body[i + 1] === '$' || body[i + 1] === '}' || body[i + 1] === '\\')) {
      text += body[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      text += c;
      i++;
      continue;
    }
    SLOT.lastIndex = i;
    const m = SLOT.exec(body);
    if (!m) {
      if (/[A-Za-z_{]/.test(body[i + 1] ?? '')) problems.push({ offset: i, message: 'a variable or malformed placeholder; vetted text may use only ${n:default}, ${n|a,b|} and $n (write \\$ for a dollar sign)' });
      text += c;
      i++;
      continue;
    }
    if (m[1] !== undefined) {
      flush();
      parts.push({ kind: 'slot', index: Number(m[1]), value: '' });
      i = SLOT.lastIndex;
      continue;
    }
    const index = Number(m[2]);
    const after = SLOT.lastIndex;
    if (m[3] === undefined && body[after - 1] !== '|') {
      // `${n}`
      if (body[after] !== '}') {
        problems.push({ offset: i, message: `placeholder \${${index} is not closed` });
        text += body.slice(i, after);
        i = after;
        continue;
      }
      flush();
      parts.push({ kind: 'slot', index, value: '' });
      i = after + 1;
      continue;
    }
    const choice = m[3] === undefined;
    const read = readSlotText(body, after, choice);
    if (!read) {
      problems.push({ offset: i, message: `${choice ? 'choice' : 'placeholder'} \${${index} is not closed, or nests another placeholder (not supported in vetted text)` });
      text += body.slice(i, after);
      i = after;
      continue;
    }
    flush();
    if (choice) {
      const options = read.values;
      if (options.length === 0 || options.some((o) => o === '')) problems.push({ offset: i, message: `choice \${${index} has an empty option` });
      parts.push({ kind: 'slot', index, value: options[0] ?? '', options });
    } else parts.push({ kind: 'slot', index, value: read.values[0] });
    i = read.end;
  }
  flush();
  return { parts, problems };
}

/** The text of a placeholder's default or a choice's options from `from`, up to the closing `}` / `|}`. */
function readSlotText(body: string, from: number, choice: boolean): { values: string[]; end: number } | undefined {
  const values: string[] = [];
  let value = '';
  for (let i = from; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && (choice ? ',|\\$}' : '\\$}').includes(body[i + 1])) {
      value += body[++i];
    } else if (c === '$' && (body[i + 1] === '{' || /\d/.test(body[i + 1] ?? ''))) {
      return undefined; // nested
    } else if (choice && c === ',') {
      values.push(value);
      value = '';
    } else if (choice && c === '|' && body[i + 1] === '}') {
      values.push(value);
      return { values, end: i + 2 };
    } else if (!choice && c === '}') {
      return { values: [value], end: i + 1 };
    } else value += c;
  }
  return undefined;
}

/** The template as inserted with every slot at its default (first choice; tab stops empty). */
export function renderDefaults(parts: readonly TemplatePart[]): string {
  return parts.map((p) => (p.kind === 'text' ? p.text : p.value)).join('');
}

/**
 * Text as compared for vetted wording: Unicode NFC, and every run of whitespace one space, with
 * none at the ends — so re-wrapping lines, indenting or changing line endings is not an edit.
 */
export function normalizeWording(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Stands for a slot in a masked form: a character no vetted text contains.
const SLOT_MARK = '\uFFFC';

/**
 * The template's vetted wording with each slot masked (and adjacent slots as one): what the
 * provenance hash is computed from, so filling a slot never changes it.
 */
export function maskedWording(parts: readonly TemplatePart[]): string {
  let masked = maskedCache.get(parts);
  if (masked === undefined) maskedCache.set(parts, (masked = mask(parts)));
  return masked;
}

// A snippet's parts never change once read, and every check of a marked block asks for them masked.
const maskedCache = new WeakMap<readonly TemplatePart[], string>();

function mask(parts: readonly TemplatePart[]): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.text;
    else if (!out.endsWith(SLOT_MARK)) out += SLOT_MARK;
  }
  // Whitespace next to a slot belongs to the slot's filling; slots with only space between are one.
  return normalizeWording(out.split(SLOT_MARK).join(` ${SLOT_MARK} `))
    .replace(/ ?\uFFFC ?/g, SLOT_MARK)
    .replace(/\uFFFC+/g, SLOT_MARK);
}

/**
 * Whether `text` is the template's vetted wording with its slots filled in some way: the text
 * between slots must be the template's (after {@link normalizeWording}), a choice must hold one
 * of its options, a placeholder anything. Linear in the text: each run of wording is found with
 * one `indexOf` from where the last one ended (leftmost matching is exact for wildcards).
 */
export function matchesTemplate(parts: readonly TemplatePart[], text: string): boolean {
  return matchesWording(parts, normalizeWording(text));
}

/** {@link matchesTemplate} for a text already passed through {@link normalizeWording}: for a caller that tests one text against several templates. */
export function matchesWording(parts: readonly TemplatePart[], written: string): boolean {
  const masked = maskedWording(parts);
  const literals = masked.split(SLOT_MARK);
  if (literals.length === 1) return written === masked;
  // The slots between the runs, for choices' options; adjacent slots were merged into one.
  const slots = slotGroups(parts);
  const first = literals[0];
  const last = literals[literals.length - 1];
  if (!written.startsWith(first) || written.length < first.length + last.length || !written.endsWith(last)) return false;
  let at = first.length;
  const end = written.length - last.length;
  for (let k = 1; k < literals.length; k++) {
    const literal = literals[k];
    const found = k === literals.length - 1 ? (end >= at ? end : -1) : written.indexOf(literal, at);
    if (found === -1 || found > end) return false;
    const filled = written.slice(at, found);
    const group = slots[k - 1];
    if (group.length === 1 && group[0].options && !group[0].options.some((o) => normalizeWording(o) === filled.trim())) return false;
    at = found + literal.length;
  }
  return true;
}

/** The slots between consecutive runs of wording, grouped as {@link maskedWording} merges them. */
function slotGroups(parts: readonly TemplatePart[]): SlotPart[][] {
  const groups: SlotPart[][] = [];
  let open = false;
  for (const part of parts) {
    if (part.kind === 'slot') {
      if (open) groups[groups.length - 1].push(part);
      else groups.push([part]);
      open = true;
    } else if (normalizeWording(part.text) !== '') open = false;
  }
  return groups;
}
