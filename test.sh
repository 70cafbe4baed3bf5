#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine with the .NET 10 SDK.
# Installs what the tests need (Debian packages) when it is missing, builds once, runs all test
# projects, and ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"
results_dir="${TEST_RESULTS_DIR:-$PWD/artifacts/test-results}"

# Debian packages the test suites use, with the command that shows each is present.
required_packages=(
  "postgresql:pg_ctlcluster"   # the auth server's PostgreSQL store tests start a private server
  "redis-server:redis-server"  # the distributed rate limiter and token cache tests start a private server
  "dbus:dbus-daemon"            # the Mist keyring tests start a private session bus ...
  "gnome-keyring:gnome-keyring-daemon"  # ... an unlocked Secret Service on it ...
  "libsecret-tools:secret-tool" # ... and talk to it through secret-tool
)

ensure_packages() {
  local missing=()
  local entry package command
  for entry in "${required_packages[@]}"; do
    package="${entry%%:*}"
    command="${entry#*:}"
    command -v "$command" >/dev/null 2>&1 || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing Debian packages (${missing[*]}); run as root or install them first." >&2
    return 0
  fi
  echo "test.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_packages

rm -rf "$results_dir"
mkdir -p "$results_dir"

dotnet build Conduit.slnx -c "$configuration" -nologo -clp:ErrorsOnly

# Every test process records what it produced (exception messages, log lines, console output) here; the secret
# scan below checks that none of it holds a registered test secret (tests/secrets.txt, tests/Shared/SuiteSecretSink.cs).
export CONDUIT_SECRET_SINK_DIR="$results_dir/secret-sink"

set +e
dotnet test Conduit.slnx -c "$configuration" --no-build -nologo \
  --logger "trx" --results-directory "$results_dir" "$@" 2>&1 | tee "$results_dir/console.log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries that VSTest prints ("Failed: 0, Passed: 12, Skipped: 0, ...").
read -r passed failed skipped < <(
  grep -aoE 'Failed:[[:space:]]+[0-9]+, Passed:[[:space:]]+[0-9]+, Skipped:[[:space:]]+[0-9]+' "$results_dir/console.log" |
    awk -F'[:,]' '{ f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }'
)
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi

# The suite-wide secret check counts as one more test.
if dotnet "tools/Conduit.SecretScan/bin/$configuration/net10.0/Conduit.SecretScan.dll" --registry tests/secrets.txt \
    --sink "$CONDUIT_SECRET_SINK_DIR" --trx "$results_dir" --report "$results_dir/secret-scan.txt"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
