#!/usr/bin/env bash
# Runs every test: unit tests (*Test) and integration tests (*IT) against real H2, s3proxy, FFmpeg and headless
# Chromium. Installs Debian's chromium and chromium-driver first when they are missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

exec mvn -B verify "$@"
