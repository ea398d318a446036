/** Characters an HTML document must not hold (C0 controls but tab, newline and carriage return). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text for HTML and SVG, in element content and in double-quoted attributes alike: `& < > " '`
 * escaped, control characters replaced by U+FFFD. Every value from a run goes through this.
 */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(CONTROL, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `text` cut to `max` characters with an ellipsis (for labels in the graph). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
