/**
 * esbuild's synchronous API, which bundles the EC2 apps and the jobs image at synth, starts a worker
 * thread the first time it runs and keeps it for the life of the process. In a Jest worker that
 * thread outlived the test file and kept the worker from exiting ("A worker process has failed to
 * exit gracefully"), so every test file stops esbuild's services when it is done.
 */
afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await (require('esbuild') as typeof import('esbuild')).stop();
});
