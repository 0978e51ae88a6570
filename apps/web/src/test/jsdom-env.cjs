// jsdom lacks the Fetch API and TextEncoder, which react-router needs (toolchain.md, trap 7).
// Node's own are lent to the test window, with Node's AbortController so that a
// Request accepts the signal react-router gives it.
const { TestEnvironment } = require('jest-environment-jsdom');

const LENT = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'structuredClone',
];

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of LENT) this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithFetch;
