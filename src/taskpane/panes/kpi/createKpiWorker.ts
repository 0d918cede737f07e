/**
 * Starts the KPI pane's worker. Kept apart (and imported only when browser mode first needs it)
 * because `import.meta.url` is for webpack, which bundles kpi.worker.ts as a worker chunk of our
 * own origin (CSP `worker-src 'self'`, scripts/support/csp.js).
 */
export function createKpiWorker(): Worker {
  return new Worker(new URL("./kpi.worker.ts", import.meta.url), { name: "kpi" });
}
