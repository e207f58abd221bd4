#!/usr/bin/env bash
# Publishes fis-extension NativeAOT for each architecture and writes its Lambda layer zip:
#   artifacts/layer/fis-extension-<version>-<arch>.zip = extensions/fis-extension (the launcher) +
#                                                        aws-fis/fis-extension (the extension) + aws-fis/bootstrap
#   artifacts/layer/fis-extension-<arch>.zip            a link to the newest of them, for scripts
#   artifacts/layer/<arch>/                             the unpacked layer: what Lambda puts in /opt
# Both architectures build on this x86_64 machine: zig links them against glibc 2.26 (scripts/zig/zig-cc), so they
# load on Amazon Linux 2 as well as 2023. Any trim or AOT warning fails the build.
# ARCH="x86_64 arm64" (default: both), or one of them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The one version number (Directory.Build.props): the extension logs it, the zip's name carries it.
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
[ -n "$version" ] || { echo "no <Version> in Directory.Build.props" >&2; exit 1; }

mkdir -p artifacts/layer
for arch in ${ARCH:-x86_64 arm64}; do
  case "$arch" in
    x86_64) rid=linux-x64 ;;
    arm64) rid=linux-arm64 ;;
    *) echo "ARCH must be x86_64 and/or arm64, not '$arch'" >&2; exit 2 ;;
  esac

  started=$(date +%s)
  for project in FisExtension FisExtension.Launcher; do
    log="artifacts/publish-$project-$rid.log"
    if ! dotnet publish "src/$project/$project.csproj" -c Release -r "$rid" -p:TreatWarningsAsErrors=true >"$log" 2>&1; then
      cat "$log" >&2
      echo "publish of $project failed (log: $log)" >&2
      exit 1
    fi
    if grep -E "warning (IL|CS|NU|AOT)[0-9]+" "$log" >&2; then
      echo "publish of $project printed warnings: the extension must publish free of trim and AOT warnings" >&2
      exit 1
    fi
  done

  publish="artifacts/publish/FisExtension/release_$rid"
  stage="artifacts/layer/$arch"
  rm -rf "$stage"
  mkdir -p "$stage/extensions" "$stage/aws-fis"
  # Lambda starts every file in /opt/extensions: the launcher is the one there, and it execs the extension.
  cp "artifacts/publish/FisExtension.Launcher/release_$rid/fis-extension-launcher" "$stage/extensions/fis-extension"
  cp "$publish/fis-extension" "$stage/aws-fis/fis-extension"
  cp layer/aws-fis/bootstrap "$stage/aws-fis/bootstrap"
  chmod 755 "$stage/extensions/fis-extension" "$stage/aws-fis/fis-extension" "$stage/aws-fis/bootstrap"

  zip_name="fis-extension-$version-$arch.zip"
  zip_path="$PWD/artifacts/layer/$zip_name"
  rm -f "$zip_path"
  (cd "$stage" && zip -q -X -9 -r "$zip_path" extensions aws-fis)
  ln -sfn "$zip_name" "artifacts/layer/fis-extension-$arch.zip"
  echo "layer: $zip_path ($(stat -c %s "$zip_path") bytes; extension $(stat -c %s "$stage/aws-fis/fis-extension") bytes, launcher $(stat -c %s "$stage/extensions/fis-extension") bytes; published in $(( $(date +%s) - started )) s)"
done
