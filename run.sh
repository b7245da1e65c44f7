#!/usr/bin/env bash
# Installs whatever Debian packages are missing, builds the release preset into build/, and starts
# Socket Workbench with the given arguments (./run.sh connect localhost 50007). With no arguments
# and no display, runs a short command-line demo against the local lab instead of the GUI, then the
# tour: every panel run offscreen against a lab of its own, a picture of each in tour/ with tour/index.md.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# shellcheck source=scripts/deps.sh
source scripts/deps.sh

# shellcheck disable=SC2119 # no extra packages for running
swb_install_deps || exit 1
swb_use_utf8_locale

bin=build/app/socket-workbench
log=build/run-sh-build.log
mkdir -p build
echo "Building Socket Workbench (release preset, into build/; log in $log) ..." >&2
if ! cmake --preset release >"$log" 2>&1; then
    cat "$log" >&2
    echo "run.sh: configuring failed" >&2
    exit 1
fi
if ! cmake --build --preset release --parallel "$(swb_jobs)" >>"$log" 2>&1; then
    # Ninja stops at the first failure: show from there, or the end of the log when there is no marker.
    if grep -q '^FAILED:' "$log"; then
        sed -n '/^FAILED:/,$p' "$log" >&2
    else
        tail -n 60 "$log" >&2
    fi
    echo "run.sh: the build failed (full log: $log)" >&2
    exit 1
fi

if (($# > 0)) || [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    exec "$bin" "$@"
fi

echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset), so running the command-line demo instead: 'socket-workbench lab' and a 'connect' to its echo service."

lab_out=$(mktemp "${TMPDIR:-/tmp}/swb-lab.XXXXXX")
lab_pid=
shown=0 # lines of lab_out already printed

# Prints the lines the lab wrote since the last call, each marked as the lab's. A last line still
# being written waits for the next call, except at the end ("final").
show_lab_output() {
    local -a lines
    local line
    mapfile -t lines < <(sed -n "$((shown + 1)),\$p" "$lab_out")
    if ((${#lines[@]} > 0)) && [[ ${1:-} != final && -n $(tail -c 1 "$lab_out") ]]; then
        unset 'lines[-1]'
    fi
    for line in "${lines[@]}"; do
        printf '[lab] %s\n' "$line"
    done
    shown=$((shown + ${#lines[@]}))
}

# SIGINT (what Ctrl-C sends), then SIGTERM and SIGKILL if the lab does not stop within ~5 s.
stop_lab() {
    [[ -n $lab_pid ]] || return 0
    local i
    if kill -0 "$lab_pid" 2>/dev/null; then
        kill -INT "$lab_pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "$lab_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$lab_pid" 2>/dev/null; then
            echo "run.sh: the lab did not stop on SIGINT; terminating it" >&2
            kill -TERM "$lab_pid" 2>/dev/null || true
            sleep 1
            kill -KILL "$lab_pid" 2>/dev/null || true
        fi
    fi
    wait "$lab_pid" 2>/dev/null || true
    lab_pid=
}
trap 'stop_lab; rm -f "$lab_out"' EXIT

# The echo service's TCP port from the lab's output: the first complete line that mentions both
# "echo" and "tcp" (any case), the number after its last ':'.
echo_port() {
    local text
    # A line still being written could end in half a port number; leave it for the next poll.
    if [[ -s $lab_out && -z $(tail -c 1 "$lab_out") ]]; then
        text=$(cat "$lab_out")
    else
        text=$(sed '$d' "$lab_out")
    fi
    awk '{ l = tolower($0) }
        l ~ /echo/ && l ~ /tcp/ && match($0, /.*:[0-9]+/) {
            s = substr($0, 1, RLENGTH); sub(/.*:/, "", s); print s; exit
        }' <<<"$text"
}

# Job control gives the lab its own process group and, unlike a plain background job of a script,
# leaves SIGINT at its default, so stop_lab's SIGINT reaches it.
set -m
"$bin" lab >"$lab_out" 2>&1 </dev/null &
lab_pid=$!
set +m

port=
for ((i = 0; i < 100; i++)); do
    port=$(echo_port)
    [[ -z $port ]] || break
    kill -0 "$lab_pid" 2>/dev/null || break
    sleep 0.1
done
show_lab_output
if [[ -z $port ]]; then
    if kill -0 "$lab_pid" 2>/dev/null; then
        echo "run.sh: the lab did not report its echo service within 10 s" >&2
    else
        echo "run.sh: the lab exited before reporting its echo service" >&2
    fi
    exit 1
fi

printf '+ %s\n' "socket-workbench connect 127.0.0.1 $port --send 'hello from run.sh\n'"
set +e
# stdin from /dev/null so the demo never waits for typing; the time limit guards against a hang.
timeout 60 "$bin" connect 127.0.0.1 "$port" --send 'hello from run.sh\n' </dev/null
rc=$?
set -e
((rc != 124)) || echo "run.sh: connect did not finish within 60 s" >&2

# What the server side saw, then stop it.
sleep 0.2
stop_lab
show_lab_output final

# The GUI without a display: the tour starts a lab of its own on ephemeral ports and pictures every panel.
echo
echo "run.sh: now the tour: every panel of the app run offscreen against the lab, a picture of each."
printf '+ %s\n' "socket-workbench tour --out tour"
set +e
timeout 180 "$bin" tour --out tour </dev/null
tour_rc=$?
set -e
((tour_rc != 124)) || echo "run.sh: the tour did not finish within 180 s" >&2
if [[ -f tour/index.md ]]; then
    echo "run.sh: the pictures are in $PWD/tour/ (01-connect.png ... 06-time.png), shown with a line each by $PWD/tour/index.md"
fi
if ((rc != 0)); then
    exit "$rc"
fi
exit "$tour_rc"
