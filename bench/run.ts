import { declarations } from '#functions/declarations';
import { spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { measureFunctions } from './functions.ts';
import { measureHttp } from './http.ts';
import { prepareHttpBenches } from './prepare.ts';
import { printReport } from './report.ts';

/**
 * npm run bench [-- --json]: bundle size and cold import of every function, and latency
 * of the hot read routes through the local API. Figures, not assertions: CI does not run it.
 */
const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.error(line);
};

log('Bundling and importing every function…');
const functions = await measureFunctions(declarations, 7);

log('Starting the local runtime for the HTTP benches…');
const runtime = await spawnLocalRuntime({ port: 0, seed: false });
try {
  const benches = await prepareHttpBenches(runtime.endpoints.apiUrl);
  const http = [];
  for (const bench of benches) {
    log(`Loading ${bench.name}…`);
    http.push(await measureHttp(runtime.endpoints.apiUrl, bench, 4000));
  }
  printReport({ functions, http }, json);
} finally {
  await runtime.stop();
}
