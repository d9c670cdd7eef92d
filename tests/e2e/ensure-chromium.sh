#!/usr/bin/env bash
# The browser tests use the system Chromium: Playwright cannot download its own browsers on the
# machines this project runs on. Run before `playwright test` (npm test and npm run test:e2e do).
# Installs it with apt-get when it is missing and we may (root, or sudo without a password);
# otherwise says exactly what to run and stops.
set -euo pipefail

if [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ]; then
  if [ -x "$PLAYWRIGHT_CHROMIUM_PATH" ]; then exit 0; fi
  echo "PLAYWRIGHT_CHROMIUM_PATH=$PLAYWRIGHT_CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then exit 0; fi
done

packages="chromium fonts-dejavu-core"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "The browser tests need Chromium. Install it, then run the tests again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y $packages" >&2
  echo "(or point PLAYWRIGHT_CHROMIUM_PATH at another Chromium)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found and no apt-get to install it: install Chromium and set PLAYWRIGHT_CHROMIUM_PATH." >&2
  exit 1
fi
echo "--- installing Chromium for the browser tests (apt-get install $packages)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $packages >/dev/null
