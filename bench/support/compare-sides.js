// Paired rounds of two sides of a throughput comparison (telaio and the bare loop it is measured
// against), in one process. Each round measures both sides back to back, alternating which goes
// first, and yields one ratio; the figure reported is the median of those per-round ratios with its
// quartiles. On a shared or throttled machine the speed of both sides drifts by tens of percent
// within seconds; a ratio of two medians taken from different moments carries that drift, a ratio
// of two measurements a few hundred milliseconds apart mostly does not. The medians of each side's
// own rates are returned too, for scale. One copy for http.js and messages.js.

/** The median of a list of numbers (the upper one of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The value at quantile q (0..1) of a list of numbers, nearest rank. */
export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
};

/**
 * Runs `rounds` paired rounds of `bare()` and `telaio()`, each resolving to `{ wall, cpu }` rates
 * (operations per wall second and per CPU second; higher is better).
 * @param {{ rounds: number, bare: () => Promise<{wall: number, cpu: number}>, telaio: () => Promise<{wall: number, cpu: number}> }} options
 * @returns {Promise<{ bare: {wall: number, cpu: number}, telaio: {wall: number, cpu: number},
 *   wall: {median: number, q1: number, q3: number}, cpu: {median: number, q1: number, q3: number} }>}
 *   each side's median rates, and the median and quartiles of the per-round ratios telaio/bare
 */
export async function compareSides({ rounds, bare, telaio }) {
  const b = [];
  const t = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      b.push(await bare());
      t.push(await telaio());
    } else {
      t.push(await telaio());
      b.push(await bare());
    }
  }
  const ratios = (key) => {
    const r = t.map((side, i) => side[key] / b[i][key]);
    return { median: median(r), q1: quantile(r, 0.25), q3: quantile(r, 0.75) };
  };
  return {
    bare: { wall: median(b.map((r) => r.wall)), cpu: median(b.map((r) => r.cpu)) },
    telaio: { wall: median(t.map((r) => r.wall)), cpu: median(t.map((r) => r.cpu)) },
    wall: ratios('wall'),
    cpu: ratios('cpu'),
  };
}

/** "0.97x [0.93-1.01]": a ratio's median and quartiles. */
export const formatRatio = ({ median: m, q1, q3 }) => `${m.toFixed(2)}x [${q1.toFixed(2)}-${q3.toFixed(2)}]`;
