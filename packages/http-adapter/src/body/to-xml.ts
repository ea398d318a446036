const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  if (value === null || value === undefined) return `<${name}/>`;
  if (typeof value !== 'object') return `<${name}>${escapeXml(String(value))}</${name}>`;
  let attributes = '';
  let children = '';
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@')) attributes += ` ${key.slice(1)}="${escapeXml(String(child))}"`;
    else if (key === '#text') children += escapeXml(String(child));
    else children += element(key, child);
  }
  return `<${name}${attributes}>${children}</${name}>`;
}

/**
 * Writes a JSON value as XML for a request body whose media type is XML but whose value is not
 * already a string: an object with a single key becomes the root element, otherwise the value is
 * wrapped in `<root>`. Keys starting with `@` become attributes, `#text` is text content, arrays
 * repeat their element.
 */
export function toXml(options: { readonly value: unknown }): string {
  const { value } = options;
  const root =
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1
      ? (Object.entries(value)[0] as [string, unknown])
      : (['root', value] as [string, unknown]);
  return `<?xml version="1.0" encoding="UTF-8"?>${element(root[0], root[1])}`;
}
