# shellcheck shell=bash
# The Debian bookworm packages Socket Workbench needs, kept in one place; sourced by run.sh and
# test.sh. swb_install_deps installs only what dpkg says is missing, so a second run is instant.

# Building and running.
SWB_DEPS=(
    cmake ninja-build g++ make
    # Qt Core/Network/Widgets/Test and moc/rcc/uic. It depends on libgl-dev (FindWrapOpenGL in
    # Qt6Gui needs the GL headers), so libgl-dev is not listed separately.
    qt6-base-dev qt6-base-dev-tools
    # The Qt6LinguistTools CMake package (qt6-tools-dev) and lrelease/lupdate (qt6-l10n-tools).
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    # Platform plugins (xcb, wayland, offscreen) and the SVG icon plugins, loaded at run time.
    qt6-qpa-plugins libqt6svg6
    # /etc/services and /etc/protocols, which getservbyname() and the Lookup panel read.
    netbase
    # Simplified Chinese text in the interface, and Qt's own strings (file dialogs, context menus) in Chinese.
    fonts-noto-cjk qt6-translations-l10n
)

# The benchmarks in tests/bench compare against these; tst_cli_httpget compares with curl.
# shellcheck disable=SC2034 # used by the scripts that source this file
SWB_TEST_DEPS=(socat ncat iproute2 curl)

# cpack -G DEB with CPACK_DEBIAN_PACKAGE_SHLIBDEPS: dpkg-shlibdeps (dpkg-dev), and CPack's
# check that the files are ELF (file). Not needed by run.sh or test.sh.
# shellcheck disable=SC2034 # used by the scripts that source this file
SWB_PACKAGING_DEPS=(dpkg-dev file)

# Prints, one per line, the packages among the arguments that are not installed.
swb_missing_packages() {
    local pkg status
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        [[ $status == *" ok installed" ]] || printf '%s\n' "$pkg"
    done
}

# swb_install_deps [extra packages...]: installs whatever of SWB_DEPS and the extras is missing.
# Runs apt-get only when something is missing; uses sudo when not root; when that is impossible,
# prints the command to run and returns 1.
swb_install_deps() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "This needs Debian (bookworm) or a derivative with dpkg and apt-get; install by hand: ${SWB_DEPS[*]} $*" >&2
        return 1
    fi
    local -a missing=() sudo=()
    mapfile -t missing < <(swb_missing_packages "${SWB_DEPS[@]}" "$@")
    ((${#missing[@]} > 0)) || return 0

    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "Missing packages: ${missing[*]}" >&2
            echo "Run as root: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}" >&2
            return 1
        fi
    fi
    # On stderr, like apt-get's progress, so a verb's output on stdout stays clean.
    echo "Installing missing packages: ${missing[*]}" >&2
    "${sudo[@]}" apt-get -q update >&2 || return 1
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || return 1
}

# Qt wants a UTF-8 locale and warns on every start without one; a fresh container has none set.
# C.UTF-8 always exists on Debian.
swb_use_utf8_locale() {
    if [[ -z ${LC_ALL:-} && -z ${LC_CTYPE:-} && -z ${LANG:-} ]]; then
        export LANG=C.UTF-8
    fi
}

# Parallel jobs for builds and tests: SWB_JOBS, else the number of CPUs.
swb_jobs() {
    echo "${SWB_JOBS:-$(nproc 2>/dev/null || echo 2)}"
}
