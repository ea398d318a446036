/**
 * The value of a plain (unquoted) scalar exactly as js-yaml 4 resolves it: null, bool, int and float
 * in CORE_SCHEMA, plus timestamps (as Date) in DEFAULT_SCHEMA. The rules below copy js-yaml's own
 * (lib/type/*.js); the differential tests hold them to it. `<<` (a merge key in DEFAULT_SCHEMA) is left
 * to the caller.
 */
export function resolvePlainScalar(raw: string, extended: boolean): unknown {
  const c = raw.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)
    return resolveNumeric(raw, extended);
  switch (c) {
    case 0x7e: // ~
      return raw.length === 1 ? null : raw;
    case 0x6e: // n
    case 0x4e: // N
      return raw === 'null' || raw === 'Null' || raw === 'NULL' ? null : raw;
    case 0x74: // t
    case 0x54: // T
      return raw === 'true' || raw === 'True' || raw === 'TRUE' ? true : raw;
    case 0x66: // f
    case 0x46: // F
      return raw === 'false' || raw === 'False' || raw === 'FALSE' ? false : raw;
    default:
      return raw;
  }
}

function resolveNumeric(raw: string, extended: boolean): unknown {
  if (isYamlInteger(raw)) return parseYamlInteger(raw);
  if (isYamlFloat(raw)) return parseYamlFloat(raw);
  if (extended && (DATE.test(raw) || TIMESTAMP.test(raw))) return parseTimestamp(raw);
  return raw;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isYamlInteger(data: string): boolean {
  const max = data.length;
  let index = 0;
  let hasDigits = false;
  if (!max) return false;
  let ch = data[index];
  if (ch === '-' || ch === '+') ch = data[++index];
  if (ch === '0') {
    if (index + 1 === max) return true;
    ch = data[++index];
    if (ch === 'b' || ch === 'x' || ch === 'o') {
      index++;
      for (; index < max; index++) {
        const code = data.charCodeAt(index);
        const ok =
          ch === 'b'
            ? code === 0x30 || code === 0x31
            : ch === 'x'
              ? isHex(code)
              : code >= 0x30 && code <= 0x37;
        if (!ok) return false;
        hasDigits = true;
      }
      return hasDigits && Number.isFinite(parseYamlInteger(data));
    }
  }
  for (; index < max; index++) {
    const code = data.charCodeAt(index);
    if (!(code >= 0x30 && code <= 0x39)) return false;
    hasDigits = true;
  }
  if (!hasDigits) return false;
  return Number.isFinite(parseYamlInteger(data));
}

function parseYamlInteger(data: string): number {
  let value = data;
  let sign = 1;
  let ch = value[0];
  if (ch === '-' || ch === '+') {
    if (ch === '-') sign = -1;
    value = value.slice(1);
    ch = value[0];
  }
  if (value === '0') return 0;
  if (ch === '0') {
    if (value[1] === 'b') return sign * Number.parseInt(value.slice(2), 2);
    if (value[1] === 'x') return sign * Number.parseInt(value.slice(2), 16);
    if (value[1] === 'o') return sign * Number.parseInt(value.slice(2), 8);
  }
  return sign * Number.parseInt(value, 10);
}

const FLOAT =
  /^(?:[-+]?(?:[0-9]+)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function isYamlFloat(data: string): boolean {
  if (!FLOAT.test(data)) return false;
  if (Number.isFinite(Number.parseFloat(data))) return true;
  return FLOAT_SPECIAL.test(data);
}

function parseYamlFloat(data: string): number {
  let value = data.toLowerCase();
  const sign = value[0] === '-' ? -1 : 1;
  if ('+-'.indexOf(value[0] as string) >= 0) value = value.slice(1);
  if (value === '.inf') return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === '.nan') return Number.NaN;
  return sign * Number.parseFloat(value);
}

const DATE = /^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$/;
const TIMESTAMP =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$/;

function parseTimestamp(data: string): Date {
  const match = (DATE.exec(data) ?? TIMESTAMP.exec(data)) as RegExpExecArray;
  const year = +(match[1] as string);
  const month = +(match[2] as string) - 1;
  const day = +(match[3] as string);
  if (!match[4]) return new Date(Date.UTC(year, month, day));
  const hour = +match[4];
  const minute = +(match[5] as string);
  const second = +(match[6] as string);
  let fraction = 0;
  if (match[7]) {
    let digits = match[7].slice(0, 3);
    while (digits.length < 3) digits += '0';
    fraction = +digits;
  }
  let delta = 0;
  if (match[9]) {
    delta = (+(match[10] as string) * 60 + +(match[11] ?? 0)) * 60000;
    if (match[9] === '-') delta = -delta;
  }
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  if (delta) date.setTime(date.getTime() - delta);
  return date;
}
