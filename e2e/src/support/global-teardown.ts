export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__MOTCUA_SERVER__;
  if (!server) return;
  if (server.proc.exitCode === null) {
    const exited = new Promise((r) => server.proc.once('exit', r));
    server.proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
  }
  await server.dropDb?.();
}
