#!/usr/bin/env python3
"""Generates resources/services/iana-services.tsv, the bundled IANA service-name and port-number
table the Lookup panel shows beside the system's /etc/services.

The source is Debian's libwireshark-data copy of IANA's port-numbers file
(/usr/share/wireshark/services, services(5) format with protocols merged as 64/tcp/udp and one
"# description" per line), which is IANA's data used with IANA's permission, as its header says.

    scripts/gen-iana-services.py [SERVICES_FILE] [-o OUTPUT]

Without SERVICES_FILE the Debian file is used, installed with apt-get when it is missing.
Python 3 standard library only.
"""

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys

DEFAULT_SOURCE = "/usr/share/wireshark/services"
PACKAGE = "libwireshark-data"
KNOWN_PROTOCOLS = ("tcp", "udp", "sctp", "dccp")
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "..", "resources", "services", "iana-services.tsv")


def fail(message):
    sys.exit(f"gen-iana-services: {message}")


def run(command):
    return subprocess.run(command, check=False, capture_output=True, text=True)


def install_package():
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    if prefix and not shutil.which("sudo"):
        fail(f"{DEFAULT_SOURCE} is missing and installing {PACKAGE} needs root (or sudo); "
             f"install it, or give the file's path as an argument")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", PACKAGE]):
        print("+ " + " ".join(prefix + command), file=sys.stderr)
        if subprocess.run(prefix + command, env=env, check=False).returncode != 0:
            fail(f"'{' '.join(command)}' failed")


def owning_package(path):
    """(package, version) of the Debian package that installed path, or None."""
    if not shutil.which("dpkg-query"):
        return None
    owner = run(["dpkg-query", "-S", os.path.realpath(path)])
    if owner.returncode != 0 or ":" not in owner.stdout:
        return None
    package = owner.stdout.split(":", 1)[0].strip()
    version = run(["dpkg-query", "-W", "-f=${Version}", package])
    return package, version.stdout.strip() if version.returncode == 0 else "unknown"


def escape(text):
    # The reader (ServiceCatalog) undoes exactly these four.
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def parse_header(lines):
    """The IANA URL and the permission note from the comment block at the top of the file."""
    url, permission = "", []
    head = []
    for line in lines:
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        head.append(line.lstrip("#").strip())
    for i, text in enumerate(head):
        if not url and "iana.org" in text:
            url = re.search(r"https?://\S+", text).group(0)
        if "permission" in text.lower():
            permission = [text] + [t for t in head[i + 1:i + 2] if t.startswith("http")]
    return url, " ".join(permission)


def parse_entries(lines, path):
    entries, warnings = [], []
    for number, line in enumerate(lines, 1):
        body, _, comment = line.partition("#")
        fields = body.split()
        if not fields:
            continue
        where = f"{path}:{number}"
        if len(fields) != 2:
            # IANA's file has no aliases; anything more means the format changed, and silently
            # dropping fields would ship wrong data.
            fail(f"{where}: expected 'name port/protocols', got {len(fields)} fields: {line.strip()!r}")
        name, spec = fields
        port_text, *protocols = spec.split("/")
        match = re.fullmatch(r"(\d+)(?:-(\d+))?", port_text)
        if not match or not protocols:
            fail(f"{where}: bad port/protocols {spec!r}")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if not 0 <= first <= last <= 65535:
            fail(f"{where}: port {port_text} is outside 0..65535")
        for protocol in protocols:
            if protocol not in KNOWN_PROTOCOLS:
                fail(f"{where}: unknown protocol {protocol!r}")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._+-]*", name):
            warnings.append(f"{where}: unusual service name {name!r} kept as IANA's file has it")
        port = str(first) if first == last else f"{first}-{last}"
        entries.append((name, port, ",".join(protocols), comment.strip()))
    return entries, warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", help=f"services file (default {DEFAULT_SOURCE})")
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="where to write the TSV")
    args = parser.parse_args()

    source = args.source or DEFAULT_SOURCE
    if not os.path.exists(source):
        if args.source:
            fail(f"{source} does not exist")
        install_package()
        if not os.path.exists(source):
            fail(f"{PACKAGE} is installed but {source} is still missing")

    with open(source, encoding="utf-8", errors="strict") as f:
        lines = f.read().splitlines()
    url, permission = parse_header(lines)
    entries, warnings = parse_entries(lines, source)
    if not entries:
        fail(f"{source} has no entries")
    owner = owning_package(source)

    out = [
        "# IANA Service Name and Transport Protocol Port Number Registry, for Socket Workbench's Lookup panel.",
        f"# source-package: {owner[0]} {owner[1]}" if owner else "# source-package: none (a file given by hand)",
        f"# source-file: {os.path.realpath(source)}",
        f"# source-url: {url or 'unknown'}",
        f"# permission: {permission or 'unknown'}",
        f"# generated: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d')}"
        " by scripts/gen-iana-services.py",
        f"# entries: {len(entries)}",
        "# columns: name<TAB>port (or first-last)<TAB>protocols (comma-separated)<TAB>description",
        "# escapes: \\\\ \\t \\n \\r",
    ]
    out += ["\t".join(escape(field) for field in entry) for entry in entries]

    output = os.path.abspath(args.output)
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {len(entries)} entries to {os.path.relpath(output)} ({os.path.getsize(output)} bytes)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
