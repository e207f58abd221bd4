#!/usr/bin/env bash
# Benchmarks the published extension against a fake Runtime+Extensions API: binary and layer size, start to
# registered, shutdown, idle RSS, and latency added per forwarded request (proxied vs direct, interleaved).
# Writes artifacts/bench/results.md and results.json and prints the table. Arguments go to the benchmark
# program, e.g. `scripts/bench.sh --only startup,latency`; `--help` lists them.
set -euo pipefail
cd "$(dirname "$0")/.."

binary="artifacts/publish/FisExtension/release_linux-x64/fis-extension"
layer="artifacts/layer/fis-extension-x86_64.zip"
if [ ! -x "$binary" ] || [ ! -f "$layer" ]; then
  echo "publishing the extension (scripts/build-layer.sh)…" >&2
  ARCH=x86_64 bash scripts/build-layer.sh >&2
elif [ -n "$(find src/FisExtension Directory.Build.props Directory.Packages.props -newer "$binary" -type f -print -quit)" ]; then
  echo "warning: src/FisExtension changed since $binary was published; run scripts/build-layer.sh to measure the current code" >&2
fi

# Built first so that compiler output stays out of the results and the build does not overlap the measurement.
build_log="artifacts/bench-build.log"
mkdir -p artifacts
if ! dotnet build -c Release tests/FisExtension.Benchmarks/FisExtension.Benchmarks.csproj >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "building the benchmark failed (log: $build_log)" >&2
  exit 1
fi

exec dotnet run -c Release --no-build --project tests/FisExtension.Benchmarks -- \
  --binary "$PWD/$binary" --layer "$PWD/$layer" --out "$PWD/artifacts/bench" "$@"
