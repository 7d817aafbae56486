#!/usr/bin/env bash
# Prints the path of a launcher for Temporal's time-skipping test server (Java), fetching the
# jars from Maven once per machine. $TEMPORAL_TEST_SERVER_PATH overrides everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
pom="$DUBAN_ROOT/scripts/test-server/pom.xml"
version=$(sed -n 's:.*<temporal.test-server.version>\(.*\)</temporal.test-server.version>.*:\1:p' "$pom")

use_path_from TEMPORAL_TEST_SERVER_PATH

command -v java >/dev/null 2>&1 || die "Java is not installed: the time-skipping test server needs a JRE 11+. Install one, or set TEMPORAL_TEST_SERVER_PATH to a launcher that starts a Temporal test server with <port> --enable-time-skipping."
user_lib="$DUBAN_USER_CACHE/test-server-$version/lib"
if [ ! -f "$user_lib/.complete" ]; then
  command -v mvn >/dev/null 2>&1 || die "Maven is not installed and no cached test server was found in $user_lib. Install Maven, or set TEMPORAL_TEST_SERVER_PATH."
  log "fetching io.temporal:temporal-test-server:$version with Maven (first run only)…"
  rm -rf "$user_lib"
  mkdir -p "$user_lib"
  if ! mvn -q -B -f "$pom" dependency:copy-dependencies -DoutputDirectory="$user_lib" -DincludeScope=runtime >&2; then
    die "Maven could not fetch io.temporal:temporal-test-server:$version (is the Maven repository reachable?). Set TEMPORAL_TEST_SERVER_PATH instead."
  fi
  touch "$user_lib/.complete"
fi

# The SDK gives the server five seconds to come up: the JVM is tuned to start fast (C1 only,
# serial GC), which matters on a busy machine.
launcher="$DUBAN_CACHE/test-server-$version/temporal-test-server"
mkdir -p "$(dirname "$launcher")"
cat >"$launcher.tmp" <<LAUNCHER
#!/usr/bin/env bash
# Usage: temporal-test-server <port> [--enable-time-skipping]
exec java -Xss2m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '$user_lib/*' io.temporal.testserver.TestServer "\$@"
LAUNCHER
chmod +x "$launcher.tmp"
mv "$launcher.tmp" "$launcher"
echo "$launcher"
