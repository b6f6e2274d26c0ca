/**
 * A JSON syntax error as data: what is wrong and where (line and column), so that the app can say it in
 * the user's language ("第 3 行第 14 列附近缺少逗号") and the CLI on one line. The engine's own message is
 * English and may quote the input, newlines included; it is only read here, never shown.
 */

export type JsonErrorCode =
  | 'missing-comma'
  | 'missing-colon'
  | 'expected-key'
  | 'unexpected-end'
  | 'unterminated-string'
  | 'bad-string'
  | 'bad-number'
  | 'trailing-content'
  | 'unexpected-character'
  | 'syntax';

export interface JsonSyntaxError {
  code: JsonErrorCode;
  /** 1-based; absent when the engine's message gave no position and it could not be found. */
  line?: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  column?: number;
}

/**
 * Message patterns of V8 (Chromium, Node), SpiderMonkey (Firefox) and JavaScriptCore (Safari), first
 * match wins: "unterminated string" before the number patterns, which would match "fractional".
 */
const PATTERNS: [RegExp, JsonErrorCode][] = [
  [/unexpected end|end of data|\bEOF\b/i, 'unexpected-end'],
  [/unterminated string/i, 'unterminated-string'],
  [/expected ',' or '[}\]]'/i, 'missing-comma'],
  [/expected ':'/i, 'missing-colon'],
  [/property name|expected '}'/i, 'expected-key'],
  [/control character|escape/i, 'bad-string'],
  [/after json|non-whitespace/i, 'trailing-content'],
  [/number|minus sign|exponent|fractional|decimal/i, 'bad-number'],
  [/unexpected (token|character|identifier|string|keyword)/i, 'unexpected-character'],
];

function jsonErrorCode(message: string): JsonErrorCode {
  return PATTERNS.find(([re]) => re.test(message))?.[1] ?? 'syntax';
}

/** Line and column of a 0-based offset; lines end at "\n" (a "\r" before it belongs to the line). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

/** The position a message states: "(line L column C)" / "at line L column C", else "at position N". */
function statedPosition(message: string, text: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/i.exec(message);
  return pos ? lineColumn(text, Number(pos[1])) : undefined;
}

/**
 * The engine's own words, without the input it quotes: V8 appends `, "…input…" is not valid JSON` and
 * JavaScriptCore quotes the token. The quoted input could hold "line 3 column 4" or "number" itself.
 */
const messageOf = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e))
    .replace(/,?\s*(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON\s*$/s, '')
    .replace(/"[^"]*"/g, '""');

/**
 * Describes why `JSON.parse(text)` failed with `error`. Where the message has no position (V8's
 * "Unexpected token 'x', "…" is not valid JSON"), the position is found by parsing prefixes: a prefix
 * that ends before the error fails only for ending early, one that reaches past it fails as the whole
 * text does; a binary search finds the first such prefix, so at most ~22 parses of a 2 MB text.
 */
export function jsonSyntaxError(text: string, error: unknown): JsonSyntaxError {
  const message = messageOf(error);
  const code = jsonErrorCode(message);
  const stated = statedPosition(message, text);
  const end = lineColumn(text, text.length);
  // "Expected ',' or '}'" at the very end of the text means the text stops early, not a missing comma
  if (stated && code !== 'unterminated-string' && stated.line === end.line && stated.column >= end.column)
    return { code: 'unexpected-end', ...end };
  if (stated) return { code, ...stated };
  if (code === 'unexpected-end') return { code, ...end };
  const offset = firstBadOffset(text);
  return offset === undefined ? { code } : { code, ...lineColumn(text, offset) };
}

/** True when parsing the first `k` characters fails before their end (not merely for ending early). */
function failsInside(text: string, k: number): boolean {
  const prefix = text.slice(0, k);
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = messageOf(e);
    const code = jsonErrorCode(message);
    if (code === 'unexpected-end' || code === 'unterminated-string') return false;
    const pos = /at position (\d+)/i.exec(message);
    if (pos) return Number(pos[1]) < k;
    const lc = statedPosition(message, prefix);
    if (lc) {
      const end = lineColumn(prefix, k);
      return lc.line < end.line || (lc.line === end.line && lc.column < end.column);
    }
    return true;
  }
}

/** The offset of the offending character, or undefined when prefixes do not behave as described above. */
function firstBadOffset(text: string): number | undefined {
  if (!failsInside(text, text.length)) return undefined;
  let lo = 0; // failsInside(lo) is false (the empty text only ends early)
  let hi = text.length; // failsInside(hi) is true
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (failsInside(text, mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

/** English, one line: "missing comma near line 3 column 14". */
export function describeJsonError(e: JsonSyntaxError): string {
  const what: Record<JsonErrorCode, string> = {
    'missing-comma': 'missing comma',
    'missing-colon': "missing ':' after a key",
    'expected-key': 'expected a key in double quotes',
    'unexpected-end': 'the text ends too early',
    'unterminated-string': 'a string is not closed',
    'bad-string': 'invalid character or escape in a string',
    'bad-number': 'invalid number',
    'trailing-content': 'more text after the end of the JSON',
    'unexpected-character': 'unexpected character',
    syntax: 'syntax error',
  };
  return e.line === undefined ? what[e.code] : `${what[e.code]} near line ${e.line} column ${e.column}`;
}
