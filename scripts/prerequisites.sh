#!/usr/bin/env bash
# Makes sure the tools the build and the tests need are installed: JDK 17, Maven, curl and jq (the README's curl
# examples are executed by a test), and Debian's Chromium with its driver (the browser tests run it headless).
# Installs what is missing with apt-get when running as root; otherwise names the packages to install and stops.
set -euo pipefail

declare -A package_of=([javac]=openjdk-17-jdk-headless [mvn]=maven [curl]=curl [jq]=jq [chromium]=chromium
                       [chromedriver]=chromium-driver)
missing=()
for tool in javac mvn curl jq chromium chromedriver; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Install them (e.g. sudo apt-get install -y ${missing[*]}) and run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
