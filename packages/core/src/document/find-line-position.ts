/**
 * `offset` to a 1-based line and column exactly as `yaml`'s LineCounter.linePos does for a text
 * with LF line breaks (its line starts are 0 and the offset after each line feed), without `yaml`.
 */
export function createLinePosition(text: string): (offset: number) => { line: number; col: number } {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((lineStarts[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - (lineStarts[low - 1] as number) + 1 };
  };
}
