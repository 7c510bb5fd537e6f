#!/usr/bin/env bash
# Builds the extension and a runnable James 3.8.1 server around it, then starts that server in the
# foreground (SMTP 127.0.0.1:2525, IMAP 127.0.0.1:1143, WebAdmin 127.0.0.1:8000). Ctrl-C stops it.
#   ./james-dist/run.sh            build (without tests) and start
#   SKIP_BUILD=1 ./james-dist/run.sh   start the last build
set -euo pipefail
dist=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$dist")
"$root/.ci/setup"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "Building the extension and the server (first build downloads James 3.8.1 from Maven Central)..."
  mvn -B -q -f "$root/pom.xml" -DskipTests install
  mvn -B -q -f "$dist/pom.xml" package
fi
exec "$dist/target/james-lookalike-guard-server/bin/james" "$@"
