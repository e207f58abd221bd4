#!/usr/bin/env bash
# Installs what a fresh machine lacks for the build, the tests and the local run. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v zip >/dev/null || missing+=(zip)
command -v curl >/dev/null || missing+=(curl)
command -v node >/dev/null || missing+=(nodejs npm)
command -v gcc >/dev/null || missing+=(gcc)
command -v aws >/dev/null || missing+=(awscli)
# NativeAOT links against zlib.
[ -e /usr/lib/x86_64-linux-gnu/libz.so ] || [ "$(uname -m)" != x86_64 ] || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The real parts the tests run: the official Node.js runtime interface client, an S3-compatible server and the AWS SDK's
# Lambda client (the emulator's Lambda API is tested with it, and with the AWS CLI above).
if [ ! -d tests/functions/node_modules/s3rver ] || [ ! -d tests/functions/node_modules/aws-lambda-ric ] \
  || [ ! -d tests/functions/node_modules/@aws-sdk/client-lambda ]; then
  (cd tests/functions && npm ci --no-audit --no-fund --loglevel=error)
fi
