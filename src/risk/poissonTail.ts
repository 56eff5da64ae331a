/** ln n! for n < LOG_FACTORIAL_TABLE_SIZE, summed exactly once; Stirling's series beyond. */
const LOG_FACTORIAL_TABLE_SIZE = 257;
const logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
for (let n = 2; n < LOG_FACTORIAL_TABLE_SIZE; n++) logFactorialTable[n] = logFactorialTable[n - 1] + Math.log(n);

/** ln n! for an integer n ≥ 0. */
export function logFactorial(n: number): number {
  if (n < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[n];
  const inv = 1 / n;
  const inv2 = inv * inv;
  // Stirling's series to the n^-5 term: relative error far below double precision for n > 256.
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** ln P(X = j) for X ~ Poisson(lambda), lambda > 0. */
function logPmf(j: number, lambda: number): number {
  return -lambda + j * Math.log(lambda) - logFactorial(j);
}

/** Relative size below which a further series term cannot change a double sum. */
const EPSILON = 1e-17;

/**
 * ln P(X ≥ k) for X ~ Poisson(lambda), computed in log space so that tiny tails (far below the
 * smallest double) still order correctly. Above the mean it sums the upper tail from k, whose
 * terms shrink geometrically; at or below the mean it takes the complement of the lower sum,
 * which is then small enough for log1p to stay exact.
 */
export function logPoissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 0;
  if (!(lambda > 0)) return -Infinity;
  if (k > lambda) {
    // Σ_{j ≥ k} pmf(j) = pmf(k) · (1 + λ/(k+1) + λ²/((k+1)(k+2)) + …)
    let sum = 1;
    let term = 1;
    for (let j = k + 1; term > EPSILON * sum; j++) {
      term *= lambda / j;
      sum += term;
    }
    return logPmf(k, lambda) + Math.log(sum);
  }
  // Σ_{j < k} pmf(j) = pmf(k − 1) · (1 + (k−1)/λ + (k−1)(k−2)/λ² + …)
  let sum = 1;
  let term = 1;
  for (let j = k - 1; j > 0 && term > EPSILON * sum; j--) {
    term *= j / lambda;
    sum += term;
  }
  return Math.log1p(-Math.min(1, Math.exp(logPmf(k - 1, lambda) + Math.log(sum))));
}

/** P(X ≥ k) for X ~ Poisson(lambda). Underflows to 0 for extreme tails; use the log form to rank. */
export function poissonUpperTail(k: number, lambda: number): number {
  return Math.exp(logPoissonUpperTail(k, lambda));
}
