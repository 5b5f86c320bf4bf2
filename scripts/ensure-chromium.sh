#!/usr/bin/env sh
# The HTML report's end-to-end test drives Debian's Chromium through playwright-core
# (playwright's own browser download is not used). Installs it when missing and we can.
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "lazify: chromium is not installed; the HTML report's browser test needs it (apt-get install chromium)" >&2
