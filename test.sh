#!/usr/bin/env bash
# Installs whatever Debian packages are missing, builds the asan preset (AddressSanitizer +
# UndefinedBehaviorSanitizer, warnings as errors) into build-asan/, and runs every test with ctest.
# Network tests run in a private network namespace when allowed (tests/run-isolated.sh).
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# shellcheck source=scripts/deps.sh
source scripts/deps.sh

swb_install_deps "${SWB_TEST_DEPS[@]}" || exit 1
swb_use_utf8_locale

cmake --preset asan
cmake --build --preset asan --parallel "$(swb_jobs)"
ctest --preset asan --parallel "$(swb_jobs)"
