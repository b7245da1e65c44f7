#!/usr/bin/env bash
# Installs whatever Debian packages are missing, builds the asan preset (AddressSanitizer +
# UndefinedBehaviorSanitizer, warnings as errors) into build-asan/, and runs every test with ctest.
# Network tests run in a private network namespace when allowed (tests/run-isolated.sh).
# Extra arguments go to ctest (./test.sh -R tcpprobe). Exits non-zero on any failure.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# shellcheck source=scripts/deps.sh
source scripts/deps.sh

swb_install_deps "${SWB_TEST_DEPS[@]}" || exit 1
swb_use_utf8_locale
jobs=$(swb_jobs)

echo "== configure (asan preset)"
cmake --preset asan
echo "== build (asan preset, $jobs jobs)"
cmake --build --preset asan --parallel "$jobs"
echo "== test (asan preset, $jobs at a time)"
# The asan test preset sets QT_QPA_PLATFORM=offscreen and the sanitizer options, and prints the
# output of failing tests.
ctest --preset asan --parallel "$jobs" "$@"
