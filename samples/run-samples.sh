#!/usr/bin/env bash
# Builds every sample (Release) and runs it in its offline mode, against the servers it starts itself, with a timeout.
# Prints one line per sample, then checks that the code quoted in docs/getting-started.md is still the samples' code.
# Exits 1 when a build fails, a sample exits non-zero or outlives the timeout, or a quoted snippet is stale.
#
#   samples/run-samples.sh              SAMPLE_TIMEOUT=60 (seconds per sample) by default
set -uo pipefail
cd "$(dirname "$0")"
samples="$PWD"
limit="${SAMPLE_TIMEOUT:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0

# run NAME SUMMARY_PATTERN [ARGS...]: builds samples/Conduit.Samples.NAME, runs it with ARGS in a scratch folder and
# prints the line of its output that matches SUMMARY_PATTERN.
run() {
  local name="$1" pattern="$2"
  shift 2
  local project="Conduit.Samples.$name" log="$work/$name.log"
  if ! dotnet build "$samples/$project" -c Release -nologo -v q "-clp:ErrorsOnly;NoSummary" >"$log" 2>&1; then
    printf 'FAIL  %-17s build failed\n' "$name"
    tail -n 30 "$log" | sed 's/^/      /'
    failed=1
    return
  fi

  local start end code
  start=$(date +%s%N)
  (cd "$work" && timeout -k 5 "$limit" dotnet "$samples/$project/bin/Release/net10.0/$project.dll" "$@") >"$log" 2>&1
  code=$?
  end=$(date +%s%N)
  local elapsed
  elapsed=$(awk -v ns="$((end - start))" 'BEGIN { printf "%.1f s", ns / 1e9 }')
  if [ "$code" -eq 0 ]; then
    printf 'ok    %-17s %7s  %s\n' "$name" "$elapsed" "$(grep -m 1 -E "$pattern" "$log" | sed 's/^ *//')"
  else
    if [ "$code" -eq 124 ]; then
      printf 'FAIL  %-17s timed out after %s s (%s)\n' "$name" "$limit" "$*"
    else
      printf 'FAIL  %-17s exit code %s after %s (%s)\n' "$name" "$code" "$elapsed" "$*"
    fi
    tail -n 30 "$log" | sed 's/^/      /'
    failed=1
  fi
}

run HttpQuickstart   ' sites: '
run InventoryExport  '^Exported'          "$work/inventory.csv"
run Worker           'GET mist/self'      --run-once
run WebSignIn        '^self-test passed'  --self-test
run StreamSubscriber '^Received'          --count 5

# Every "<!-- snippet: samples/FILE#REGION -->" in the guide must be followed by a code block equal to that #region.
guide="$samples/../docs/getting-started.md"
if [ ! -f "$guide" ]; then
  echo "FAIL  snippets          docs/getting-started.md is missing"
  exit 1
fi
snippets=0
stale=0
while IFS= read -r marker; do
  file="${marker%%#*}"
  region="${marker#*#}"
  expected="$(awk -v name="$region" '
    $0 ~ "^[ \t]*#region " name "[ \t]*$" { inside = 1; match($0, /^[ \t]*/); indent = RLENGTH; next }
    inside && $0 ~ /^[ \t]*#endregion/ { exit }
    inside { line = $0; if (substr(line, 1, indent) ~ /^[ \t]*$/) line = substr(line, indent + 1); print line }
  ' "$samples/../$file" 2>/dev/null)"
  actual="$(awk -v marker="<!-- snippet: $marker -->" '
    $0 == marker { found = 1; next }
    found == 1 && /^```/ { found = 2; next }
    found == 2 && /^```[ \t]*$/ { exit }
    found == 2 { print }
  ' "$guide")"
  snippets=$((snippets + 1))
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    stale=$((stale + 1))
    printf 'FAIL  snippet %s: docs/getting-started.md differs from the sample (or the region is gone)\n' "$marker"
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | sed 's/^/      /' | head -n 20
  fi
done < <(sed -n 's/^<!-- snippet: \(.*\) -->$/\1/p' "$guide")
if [ "$stale" -eq 0 ]; then
  printf 'ok    %-17s %s quoted in docs/getting-started.md match the samples\n' "snippets" "$snippets"
else
  failed=1
fi

exit "$failed"
