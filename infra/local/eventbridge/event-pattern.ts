import { BlockList, isIP } from 'node:net';

/**
 * EventBridge event-pattern matching (also Lambda event-source filtering), so the local bus and
 * stream poller deliver exactly the events AWS would. Semantics follow the AWS docs and the
 * event-ruler engine behind them; patterns AWS would reject throw InvalidEventPatternError.
 */
export function matchesPattern(pattern: unknown, event: unknown): boolean {
  const branches = compile(pattern);
  return isObject(event) && branches.some((branch) => matchesBranch(branch, event));
}

/** What EventBridge's PutRule and TestEventPattern refuse with InvalidEventPatternException. */
export class InvalidEventPatternError extends Error {}

/** Throws InvalidEventPatternError for a pattern EventBridge would refuse: the checks matching makes, with no event. */
export function assertValidPattern(pattern: unknown): void {
  compile(pattern);
}

type Scalar = string | number | boolean | null;
type ValueTest = (value: Scalar) => boolean;
/** receives every leaf value the event holds at the field (arrays flattened; none when absent) */
type LeafMatcher = (values: Scalar[]) => boolean;
/** one `$or`-free alternative of a pattern: nested fields down to leaf matchers */
type Branch = Map<string, Branch | LeafMatcher>;
type JsonObject = Record<string, unknown>;

const OPERATORS = new Set(['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'numeric', 'cidr', 'exists']);

// Declared patterns are long-lived constants; compile (and validate) each once.
const compiled = new WeakMap<object, Branch[]>();

function compile(pattern: unknown): Branch[] {
  if (!isObject(pattern)) fail('', 'the pattern must be a JSON object');
  let branches = compiled.get(pattern);
  if (!branches) {
    branches = compileObject(pattern, '', false);
    compiled.set(pattern, branches);
  }
  return branches;
}

// Like event-ruler, `$or` is expanded up front into alternative branches, so every branch still
// needs one array element to satisfy all of its fields (array consistency).
function compileObject(pattern: JsonObject, path: string, insideOr: boolean): Branch[] {
  if (Object.keys(pattern).length === 0) fail(path, 'empty objects are not allowed');
  let branches: Branch[] = [new Map()];
  for (const [key, value] of Object.entries(pattern)) {
    const fieldPath = join(path, key);
    if (insideOr && OPERATORS.has(key)) fail(fieldPath, `"${key}" is an operator and cannot be a field name inside $or`);
    let options: Branch[];
    if (key === '$or') options = compileOr(value, path);
    else if (Array.isArray(value)) options = [new Map([[key, compileLeaf(value, fieldPath)]])];
    else if (isObject(value)) options = compileObject(value, fieldPath, insideOr).map((sub) => new Map([[key, sub]]));
    else fail(fieldPath, 'must be an array of match values or a nested pattern object');
    branches = branches.flatMap((branch) => options.map((option) => merge(branch, option)));
  }
  return branches;
}

function compileOr(value: unknown, path: string): Branch[] {
  const orPath = join(path, '$or');
  if (!Array.isArray(value) || value.length < 2) fail(orPath, 'must be an array of at least two pattern objects');
  return value.flatMap((alternative, index) => {
    if (!isObject(alternative)) fail(`${orPath}[${index}]`, 'must be a pattern object');
    return compileObject(alternative, path, true);
  });
}

// AWS keeps the last pattern given for a field, so a later value replaces an earlier leaf.
function merge(base: Branch, addition: Branch): Branch {
  const merged = new Map(base);
  for (const [key, value] of addition) {
    const existing = merged.get(key);
    merged.set(key, existing instanceof Map && value instanceof Map ? merge(existing, value) : value);
  }
  return merged;
}

function compileLeaf(values: unknown[], path: string): LeafMatcher {
  if (values.length === 0) fail(path, 'empty arrays are not allowed');
  const matchers = values.map((value) => compileMatchValue(value, path));
  return (eventValues) => matchers.some((matcher) => matcher(eventValues));
}

function compileMatchValue(value: unknown, path: string): LeafMatcher {
  if (isScalar(value)) return anyValue((candidate) => candidate === value);
  if (!isObject(value)) fail(path, `unsupported match value ${JSON.stringify(value)}`);
  const [operator, operand] = singleEntry(value, path);
  switch (operator) {
    case 'exists':
      if (typeof operand !== 'boolean') fail(path, 'exists must be true or false');
      return (eventValues) => eventValues.length > 0 === operand;
    case 'anything-but':
      return anyValue(compileAnythingBut(operand, path));
    case 'numeric':
      return anyValue(compileNumeric(operand, path));
    case 'cidr':
      return anyValue(compileCidr(operand, path));
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
    case 'wildcard':
      return anyValue(compileStringTest(operator, operand, path));
    default:
      return fail(path, `unknown operator "${operator}"`);
  }
}

function compileStringTest(operator: string, operand: unknown, path: string): ValueTest {
  if (operator === 'wildcard') return compileWildcard(operand, path);
  let ignoreCase = operator === 'equals-ignore-case';
  let expected = operand;
  if (!ignoreCase && isObject(operand)) {
    const [modifier, inner] = singleEntry(operand, path);
    if (modifier !== 'equals-ignore-case') fail(path, `${operator} takes a string or {"equals-ignore-case": string}`);
    [ignoreCase, expected] = [true, inner];
  }
  if (typeof expected !== 'string') fail(path, `${operator} must be a string`);
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  const want = fold(expected);
  const compare =
    operator === 'prefix'
      ? (text: string) => text.startsWith(want)
      : operator === 'suffix'
        ? (text: string) => text.endsWith(want)
        : (text: string) => text === want;
  return (value) => typeof value === 'string' && compare(fold(value));
}

// anything-but negates per value, so it also matches values of other types (null, numbers, ...),
// but never a missing field: with no values there is nothing to match.
function compileAnythingBut(operand: unknown, path: string): ValueTest {
  if (isObject(operand)) {
    const [operator, inner] = singleEntry(operand, path);
    const accepted = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'];
    if (!accepted.includes(operator)) fail(path, `anything-but does not support "${operator}"`);
    const operands = Array.isArray(inner) ? inner : [inner];
    if (operands.length === 0 || operands.some((text) => typeof text !== 'string')) {
      fail(path, `anything-but ${operator} takes a string or a non-empty list of strings`);
    }
    if ((operator === 'prefix' || operator === 'suffix') && operands.includes('')) {
      fail(path, `anything-but ${operator} must not be empty`);
    }
    const excluded = operands.map((text) => compileStringTest(operator, text, path));
    return (value) => !excluded.some((test) => test(value));
  }
  const excluded = Array.isArray(operand) ? operand : [operand];
  const allStrings = excluded.every((item) => typeof item === 'string');
  const allNumbers = excluded.every(isFiniteNumber);
  if (excluded.length === 0 || !(allStrings || allNumbers)) {
    fail(path, 'anything-but takes a string, a number, or a non-empty list of only strings or only numbers');
  }
  return (value) => !excluded.some((item) => item === value);
}

const COMPARATORS: Record<string, (value: number, bound: number) => boolean> = {
  '=': (value, bound) => value === bound,
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
};

// Valid shapes: [op, n] or a range [">"|">=", n, "<"|"<=", m]; only JSON numbers ever match.
function compileNumeric(operand: unknown, path: string): ValueTest {
  const [op, bound, upperOp, upperBound, ...extra] = Array.isArray(operand) ? operand : [];
  const single = upperOp === undefined && typeof op === 'string' && Object.hasOwn(COMPARATORS, op);
  const range = ['>', '>='].includes(op) && ['<', '<='].includes(upperOp) && isFiniteNumber(upperBound);
  if (!(single || range) || !isFiniteNumber(bound) || extra.length > 0) {
    fail(path, `numeric takes [op, number] or [">"|">=", number, "<"|"<=", number], got ${JSON.stringify(operand)}`);
  }
  const conditions: [string, number][] = range
    ? [
        [op, bound],
        [upperOp, upperBound],
      ]
    : [[op, bound]];
  return (value) => isFiniteNumber(value) && conditions.every(([comparator, limit]) => COMPARATORS[comparator]!(value, limit));
}

function compileCidr(operand: unknown, path: string): ValueTest {
  const [address = '', bits, ...rest] = typeof operand === 'string' ? operand.split('/') : [];
  const family = isIP(address);
  const maxBits = family === 4 ? 32 : 128;
  if (!family || rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits) || Number(bits) > maxBits) {
    fail(path, `cidr must be an IPv4 or IPv6 block like "10.0.0.0/24", got ${JSON.stringify(operand)}`);
  }
  const block = new BlockList();
  block.addSubnet(address, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  return (value) => {
    if (typeof value !== 'string') return false;
    const valueFamily = isIP(value);
    return valueFamily !== 0 && block.check(value, valueFamily === 4 ? 'ipv4' : 'ipv6');
  };
}

// `*` matches any run of characters (including none); `\*` and `\\` are the only escapes, and
// consecutive wildcards are rejected, as AWS does.
function compileWildcard(operand: unknown, path: string): ValueTest {
  if (typeof operand !== 'string') fail(path, 'wildcard must be a string');
  let source = '';
  for (let index = 0; index < operand.length; index++) {
    const char = operand[index]!;
    if (char === '*') {
      if (operand[index + 1] === '*') fail(path, `consecutive wildcard characters in "${operand}"`);
      source += '.*';
    } else if (char === '\\') {
      const escaped = operand[++index];
      if (escaped !== '*' && escaped !== '\\') fail(path, `only \\* and \\\\ may be escaped in "${operand}"`);
      source += `\\${escaped}`;
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const regex = new RegExp(`^${source}$`, 's');
  return (value) => typeof value === 'string' && regex.test(value);
}

function matchesBranch(branch: Branch, value: unknown): boolean {
  const candidates = objectsIn(value);
  // A missing or non-object parent still lets `exists: false` children match.
  return (candidates.length > 0 ? candidates : [{}]).some((object) =>
    [...branch].every(([key, child]) => (child instanceof Map ? matchesBranch(child, object[key]) : child(scalarsIn(object[key])))),
  );
}

function objectsIn(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  return isObject(value) ? [value] : [];
}

// Objects are not leaf values: `exists: true` on a field holding an object does not match.
function scalarsIn(value: unknown): Scalar[] {
  if (Array.isArray(value)) return value.flatMap(scalarsIn);
  return isScalar(value) ? [value] : [];
}

function anyValue(test: ValueTest): LeafMatcher {
  return (eventValues) => eventValues.some(test);
}

function singleEntry(object: JsonObject, path: string): [string, unknown] {
  const entries = Object.entries(object);
  if (entries.length !== 1) fail(path, `match expressions take exactly one key, got ${JSON.stringify(object)}`);
  return entries[0]!;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value);
}

// EventBridge's own wording, so TestEventPattern's message reads as AWS's does.
function fail(path: string, message: string): never {
  throw new InvalidEventPatternError(`Event pattern is not valid. Reason: ${path ? `"${path}": ` : ''}${message}`);
}
