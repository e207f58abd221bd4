#!/usr/bin/env bash
# Rewrites src/FisExtension/hot-methods.txt, the order in which the extension's managed methods are laid out
# (IlcOrderFile): publishes the x86_64 extension, runs it under qemu-user through what a function does with it
# (start, invocations of 1 KiB and 1 MiB both ways, handler errors, a /next given up, idle, SHUTDOWN with /next
# waiting, S3 polls against s3rver, each fault) and lists every managed method that ran, in the order it first ran. Then publish again
# (scripts/build-layer.sh) for the layout to take effect. Run it when the forwarding, polling or start-up code
# changes: a method missing from the list still works, but lands among the cold code and costs up to 64 KiB of RSS.
set -euo pipefail
cd "$(dirname "$0")/.."

# qemu-user (qemu-user-static, which also runs the arm64 check), node and s3rver: what the tests need too.
bash scripts/install-prerequisites.sh

echo "publishing the x86_64 extension (scripts/build-layer.sh)…" >&2
ARCH=x86_64 bash scripts/build-layer.sh >&2

build_log="artifacts/bench-build.log"
if ! dotnet build -c Release tests/FisExtension.Benchmarks/FisExtension.Benchmarks.csproj >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "building the benchmark program failed (log: $build_log)" >&2
  exit 1
fi

dotnet run -c Release --no-build --project tests/FisExtension.Benchmarks -- --profile-layout \
  "$PWD/artifacts/publish/FisExtension/release_linux-x64/fis-extension" "$PWD/src/FisExtension/hot-methods.txt"
echo "now run scripts/build-layer.sh to publish with the new layout" >&2
