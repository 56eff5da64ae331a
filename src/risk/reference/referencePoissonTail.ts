/** ln n! for n = 0, 1, 2…, summed term by term as far as asked. */
const logFactorials = [0];

function logFactorial(n: number): number {
  while (logFactorials.length <= n) {
    const m = logFactorials.length;
    logFactorials.push(logFactorials[m - 1] + Math.log(m));
  }
  return logFactorials[n];
}

/**
 * ln P(X ≥ k) for X ~ Poisson(lambda), lambda > 0: the terms P(X = j) for j ≥ k summed in log
 * space relative to the largest of them, until they no longer matter. Plain and slow on purpose.
 */
export function referenceLogUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 0;
  const logLambda = Math.log(lambda);
  const logTerm = (j: number): number => -lambda + j * logLambda - logFactorial(j);
  const peak = Math.max(k, Math.floor(lambda));
  const top = logTerm(peak);
  let sum = 0;
  for (let j = k; ; j++) {
    const relative = logTerm(j) - top;
    if (j > peak && relative < -80) break;
    sum += Math.exp(relative);
  }
  return top + Math.log(sum);
}
