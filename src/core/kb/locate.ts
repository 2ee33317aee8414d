import { createScanner, ParseErrorCode, printParseErrorCode, ScanError, SyntaxKind } from 'jsonc-parser';
import type { JsonPath } from './jsonSchema';

/**
 * Locating things in a JSON text without recursion. jsonc-parser's `parseTree` recurses once per
 * level of nesting, so a file nested a few thousand levels deep overflows the stack; these walk
 * its token scanner with an explicit stack instead, in one pass, whatever the depth.
 */

interface PathNode {
  readonly children: Map<string | number, PathNode>;
  /** Indexes of the wanted paths that end here. */
  readonly wanted: number[];
}

interface Container {
  /** The node of this container's path, when a wanted path goes through it. */
  readonly node: PathNode | undefined;
  readonly array: boolean;
  index: number;
  key: string | undefined;
}

/**
 * The offset at which the value of each path starts, in one pass over a valid JSON text
 * (`undefined` for a path the text does not have). With a repeated key, the first is found.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): (number | undefined)[] {
  const root: PathNode = { children: new Map(), wanted: [] };
  paths.forEach((path, i) => {
    let node = root;
    for (const step of path) {
      let child = node.children.get(step);
      if (!child) node.children.set(step, (child = { children: new Map(), wanted: [] }));
      node = child;
    }
    node.wanted.push(i);
  });
  const found: (number | undefined)[] = paths.map(() => undefined);
  const scanner = createScanner(text, true);
  const stack: Container[] = [];
  let expectingKey = false;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const top = stack[stack.length - 1];
    if (token === SyntaxKind.StringLiteral && top && !top.array && expectingKey) {
      top.key = scanner.getTokenValue();
      expectingKey = false;
      continue;
    }
    if (token === SyntaxKind.CommaToken) {
      if (top?.array) top.index++;
      else expectingKey = true;
      continue;
    }
    if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      stack.pop();
      continue;
    }
    if (token === SyntaxKind.ColonToken || token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) continue;
    // A value starts here.
    const node = top ? top.node?.children.get(top.array ? top.index : (top.key ?? '')) : root;
    if (node) for (const i of node.wanted) found[i] ??= scanner.getTokenOffset();
    if (token === SyntaxKind.OpenBraceToken) {
      stack.push({ node, array: false, index: 0, key: undefined });
      expectingKey = true;
    } else if (token === SyntaxKind.OpenBracketToken) {
      stack.push({ node, array: true, index: 0, key: undefined });
    }
  }
  return found;
}

/** The first syntax error of a text that is not strict JSON: where, and jsonc-parser's name for it. */
export interface SyntaxErrorAt {
  readonly offset: number;
  readonly error: string;
}

const SCAN_ERRORS: Partial<Record<ScanError, ParseErrorCode>> = {
  [ScanError.InvalidUnicode]: ParseErrorCode.InvalidUnicode,
  [ScanError.InvalidEscapeCharacter]: ParseErrorCode.InvalidEscapeCharacter,
  [ScanError.UnexpectedEndOfNumber]: ParseErrorCode.UnexpectedEndOfNumber,
  [ScanError.UnexpectedEndOfComment]: ParseErrorCode.UnexpectedEndOfComment,
  [ScanError.UnexpectedEndOfString]: ParseErrorCode.UnexpectedEndOfString,
  [ScanError.InvalidCharacter]: ParseErrorCode.InvalidCharacter,
};

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * The first syntax error of strict JSON (no comments, no trailing commas) in one pass with an
 * explicit stack, or `undefined` when there is none. The names are jsonc-parser's
 * (`CommaExpected`, `ValueExpected`, …), as its `parseTree` reports them for shallow texts.
 */
export function firstSyntaxError(text: string): SyntaxErrorAt | undefined {
  const scanner = createScanner(text, false);
  const closers: SyntaxKind[] = [];
  let expect: Expect = 'value';
  const fail = (code: ParseErrorCode, offset = scanner.getTokenOffset()) => ({ offset, error: printParseErrorCode(code) });
  for (;;) {
    const token = scanner.scan();
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) continue;
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) return fail(ParseErrorCode.InvalidCommentToken);
    const scanError = SCAN_ERRORS[scanner.getTokenError()];
    if (scanError !== undefined) return fail(scanError);
    if (token === SyntaxKind.Unknown) return fail(ParseErrorCode.InvalidSymbol);
    const closing = token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken;
    if (closing && (expect === 'value-or-close' || expect === 'key-or-close' || expect === 'comma-or-close')) {
      if (closers[closers.length - 1] !== token) {
        return fail(expect === 'comma-or-close' ? ParseErrorCode.CommaExpected : expect === 'key-or-close' ? ParseErrorCode.PropertyNameExpected : ParseErrorCode.ValueExpected);
      }
      closers.pop();
      expect = closers.length ? 'comma-or-close' : 'end';
      continue;
    }
    switch (expect) {
      case 'end':
        return token === SyntaxKind.EOF ? undefined : fail(ParseErrorCode.EndOfFileExpected);
      case 'key':
      case 'key-or-close':
        if (token === SyntaxKind.EOF && expect === 'key-or-close') return fail(ParseErrorCode.CloseBraceExpected);
        if (token === SyntaxKind.CommaToken) return fail(ParseErrorCode.ValueExpected);
        if (token !== SyntaxKind.StringLiteral) return fail(ParseErrorCode.PropertyNameExpected);
        expect = 'colon';
        continue;
      case 'colon':
        if (token !== SyntaxKind.ColonToken) return fail(ParseErrorCode.ColonExpected);
        expect = 'value';
        continue;
      case 'comma-or-close':
        if (token === SyntaxKind.CommaToken) {
          expect = closers[closers.length - 1] === SyntaxKind.CloseBraceToken ? 'key' : 'value';
          continue;
        }
        return fail(token === SyntaxKind.EOF ? (closers[closers.length - 1] === SyntaxKind.CloseBraceToken ? ParseErrorCode.CloseBraceExpected : ParseErrorCode.CloseBracketExpected) : ParseErrorCode.CommaExpected);
      case 'value':
      case 'value-or-close':
        if (token === SyntaxKind.OpenBraceToken) {
          closers.push(SyntaxKind.CloseBraceToken);
          expect = 'key-or-close';
        } else if (token === SyntaxKind.OpenBracketToken) {
          closers.push(SyntaxKind.CloseBracketToken);
          expect = 'value-or-close';
        } else if (
          token === SyntaxKind.StringLiteral ||
          token === SyntaxKind.NumericLiteral ||
          token === SyntaxKind.TrueKeyword ||
          token === SyntaxKind.FalseKeyword ||
          token === SyntaxKind.NullKeyword
        ) {
          expect = closers.length ? 'comma-or-close' : 'end';
        } else return fail(token === SyntaxKind.EOF && expect === 'value-or-close' ? ParseErrorCode.CloseBracketExpected : ParseErrorCode.ValueExpected);
    }
  }
}
