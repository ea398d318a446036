/**
 * True when MQTT `topic` matches subscription `filter` (MQTT 3.1.1 §4.7 and 5.0 §4.7): `+` one
 * level, `#` (last) this level and all below, including the parent (`a/#` matches `a`); topics
 * starting with `$` match no filter starting with a wildcard.
 */
export function matchTopic(filter: string, topic: string): boolean {
  if (filter === topic) return true;
  // A filter without wildcards matches only its own topic: no splitting (every message is tested
  // against every subscription of the connection).
  if (!filter.includes('+') && !filter.includes('#')) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    const level = f[i];
    if (level === '#') return i === f.length - 1;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}
