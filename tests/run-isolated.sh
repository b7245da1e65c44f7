#!/bin/sh
# Runs one test in a private network namespace that has only a loopback interface, so no test can
# send a packet (a DNS query for an unknown host included) to any other machine. Falls back to a
# plain run where namespaces are not allowed (not root); SWB_ISOLATED tells the test which it got.
if unshare -n true 2>/dev/null && command -v ip >/dev/null 2>&1; then
    exec unshare -n sh -c 'ip link set lo up && SWB_ISOLATED=1 exec "$@"' sh "$@"
fi
exec "$@"
