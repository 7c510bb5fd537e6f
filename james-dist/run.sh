#!/usr/bin/env bash
# Builds the extension and a runnable James 3.8.1 server around it, then starts that server in the
# foreground (SMTP 127.0.0.1:2525, IMAP 127.0.0.1:1143, WebAdmin 127.0.0.1:8000). Ctrl-C stops it.
#   ./james-dist/run.sh                 build (without tests) and start
#   SKIP_BUILD=1 ./james-dist/run.sh    start the last build as it is (after editing its conf/)
# The server's configuration is james-dist/target/james-lookalike-guard-server/conf/, a copy of the
# repository's conf/. A build refreshes it from the repository's conf/ but keeps every file you edited
# there, and names it; delete an edited file to get the repository's version back at the next build.
set -euo pipefail
dist=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$dist")
server="$dist/target/james-lookalike-guard-server"
record="$dist/target/conf-as-built.sha256"   # checksums of the repository's conf/ as the last build copied it

"$root/.ci/setup"

checksums() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum); }

# The files of the built conf/ that differ from what the last build put there (without a record of
# the last build: from the repository's conf/).
edited_conf() {
  [ -d "$server/conf" ] || return 0
  local reference
  if [ -f "$record" ]; then reference=$(cat "$record"); else reference=$(checksums "$root/conf"); fi
  (cd "$server/conf" && printf '%s\n' "$reference" | sha256sum -c --quiet 2>/dev/null || true) \
    | sed -n 's/^\.\/\(.*\): FAILED$/\1/p'
}

if [ -z "${SKIP_BUILD:-}" ]; then
  mapfile -t edited < <(edited_conf)
  kept=$(mktemp -d)
  trap 'rm -rf "$kept"' EXIT
  for file in ${edited[@]+"${edited[@]}"}; do
    mkdir -p "$kept/$(dirname "$file")" && cp -p "$server/conf/$file" "$kept/$file"
  done
  restore_edited() {
    local file changed
    for file in ${edited[@]+"${edited[@]}"}; do
      cp -p "$kept/$file" "$server/conf/$file"
      changed=""
      if [ -f "$record" ] && [ -f "$root/conf/$file" ] && ! grep -qxF "$(cd "$root/conf" && sha256sum "./$file")" "$record"; then
        changed=" It changed in the repository since the last build: diff conf/$file ${server#"$root"/}/conf/$file"
      fi
      echo "Kept your edited ${server#"$root"/}/conf/$file: the build did not copy the repository's conf/$file over it" \
        "(delete yours and build again to take it).$changed"
    done
  }
  echo "Building the extension and the server (first build downloads James 3.8.1 from Maven Central)..."
  if ! { mvn -B -q -f "$root/pom.xml" -DskipTests install && mvn -B -q -f "$dist/pom.xml" package; }; then
    [ -d "$server/conf" ] && restore_edited
    echo "The build failed; nothing started." >&2
    exit 1
  fi
  restore_edited
  checksums "$root/conf" > "$record"
  rm -rf "$kept"
elif [ ! -x "$server/bin/james" ]; then
  echo "No built server in $server yet: run ./james-dist/run.sh without SKIP_BUILD first." >&2
  exit 1
fi
exec "$server/bin/james" "$@"
