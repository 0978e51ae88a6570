import { startApi, sleep } from './api-process.mjs';
import { startRecorder, statementsOf } from './pg-recorder.mjs';

/**
 * A second API process whose database connection passes through the recording proxy (outbox
 * worker off), to learn exactly which statements a request runs: the raw-SQL baselines then run
 * those very statements, so they cannot drift from the code. Never used for timing.
 * @param {string} url
 */
export async function startRecordingApi(url) {
  const u = new URL(url);
  const recorder = await startRecorder({ host: u.hostname, port: Number(u.port || 5432) });
  const proxied = new URL(url);
  proxied.port = String(recorder.port);
  const api = await startApi({ databaseUrl: proxied.toString(), jobs: false, log: () => undefined });
  await sleep(200);
  return {
    baseUrl: api.baseUrl,
    /**
     * The statements run while `fn` runs (all connections), in order.
     * @template T
     * @param {() => Promise<T>} fn
     */
    async record(fn) {
      recorder.start();
      const result = await fn();
      await sleep(100);
      return { result, statements: statementsOf(recorder.stop()) };
    },
    async stop() {
      await api.stop();
      await recorder.close();
    },
  };
}
