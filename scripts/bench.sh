#!/usr/bin/env bash
# Benchmarks the published extension against a fake Runtime+Extensions API: binary and layer size, start to
# registered, shutdown, idle RSS, and latency added per forwarded request (proxied vs direct, interleaved); and,
# side by side with the Rust reference proxy in the same run, every overhead target as a ratio.
# Writes artifacts/bench/results.md and results.json and prints the table. Arguments go to the benchmark
# program, e.g. `scripts/bench.sh --only startup,latency`; `--help` lists them.
set -euo pipefail
cd "$(dirname "$0")/.."

# `scripts/bench.sh --micro [BenchmarkDotNet arguments]`: the in-process hot paths (tests/FisExtension.MicroBenchmarks).
if [ "${1:-}" = "--micro" ]; then
  shift
  exec dotnet run -c Release --project tests/FisExtension.MicroBenchmarks -- --filter "${MICRO_FILTER:-*}" --artifacts artifacts/microbench "$@"
fi

# What Lambda starts: the layer's launcher, which binds the proxy port, registers and execs aws-fis/fis-extension.
binary="artifacts/layer/x86_64/extensions/fis-extension"
layer="artifacts/layer/fis-extension-x86_64.zip"
if [ ! -x "$binary" ] || [ ! -f "$layer" ]; then
  echo "publishing the extension (scripts/build-layer.sh)…" >&2
  ARCH=x86_64 bash scripts/build-layer.sh >&2
elif [ -n "$(find src/FisExtension src/FisExtension.Launcher Directory.Build.props Directory.Packages.props -newer "$binary" -type f -print -quit)" ]; then
  echo "warning: src/FisExtension or src/FisExtension.Launcher changed since $binary was built; run scripts/build-layer.sh to measure the current code" >&2
fi

# The Rust reference (../shared/peers/rust-hyper), measured side by side in the versus part, built offline from
# Debian's packaged crates.
rust_layer="$PWD/artifacts/bench/rust-hyper"
rust_binary="$rust_layer/extensions/rust-hyper"
peer="../shared/peers/rust-hyper"
if [ ! -x "$rust_binary" ] || [ -n "$(find "$peer" -newer "$rust_binary" -type f -print -quit 2>/dev/null)" ]; then
  if ! command -v cargo >/dev/null || ! compgen -G "/usr/share/cargo/registry/hyper-0*" >/dev/null; then
    echo "installing the Rust toolchain and Debian's hyper and tokio crates…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cargo rustc librust-hyper-dev librust-tokio-dev >/dev/null
  fi
  echo "building the Rust reference proxy…" >&2
  OUT="$rust_layer" bash "$peer/build.sh" >&2
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
  --binary "$PWD/$binary" --layer "$PWD/$layer" --rust "$rust_binary" --out "$PWD/artifacts/bench" "$@"
