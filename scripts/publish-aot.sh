#!/usr/bin/env bash
# Publishes the conduit CLI with Native AOT for linux-x64 into artifacts/aot/, fails on any trim/AOT warning (IL2xxx,
# IL3xxx) from our own projects, lists the ones from third-party packages, smoke-runs the binary (including
# `conduit mist call`, which finds and invokes the generated operations by reflection, against `conduit sandbox`),
# and measures `conduit --help` start-up: the AOT binary against the JIT build (`dotnet conduit.dll`, the apphost).
#
#   scripts/publish-aot.sh            # RUNS=20 start-ups per variant by default
#   RUNS=50 scripts/publish-aot.sh
#   AOT_DETAIL=1 scripts/publish-aot.sh   # one warning per call site in third-party assemblies instead of one per assembly
#
# Installs clang and zlib1g-dev (the native toolchain ILCompiler links with) and jq through apt-get when missing; that needs root.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs="${RUNS:-20}"
out="$root/artifacts/aot"
jit="$out/jit"
log="$out/publish.log"
work="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill -TERM "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "publish-aot: FAILED: $*" >&2; exit 1; }
step() { echo "publish-aot: $*"; }

# --- 1. Native toolchain -------------------------------------------------------------------------------------------
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
[[ -f /usr/include/zlib.h ]] || missing+=(zlib1g-dev)
command -v jq >/dev/null 2>&1 || missing+=(jq) # reads the sandbox's info file in the smoke test
if ((${#missing[@]} > 0)); then
  [[ "$(id -u)" == 0 ]] || fail "Native AOT needs ${missing[*]}; run as root or: sudo apt-get install -y ${missing[*]}"
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. Publish: Native AOT, then the JIT build to compare with ------------------------------------------------------
rm -rf "$out"
mkdir -p "$out"
step "publishing src/Conduit.Cli with Native AOT (linux-x64); log in ${log#"$root"/}"
started=$SECONDS
extra=()
[[ "${AOT_DETAIL:-0}" == 1 ]] && extra+=(-p:TrimmerSingleWarn=false)
# Warnings stay warnings here (not errors) so that every one of them is listed below; ours then fail the script.
if ! dotnet publish src/Conduit.Cli/Conduit.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true \
    -p:TreatWarningsAsErrors=false "${extra[@]}" -o "$out" -nologo -clp:NoSummary >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  fail "dotnet publish (Native AOT) failed"
fi
aot_seconds=$((SECONDS - started))

# One line per warning: msbuild prints some twice (compiler, then ILC), with or without the project suffix.
grep -E 'warning IL[23][0-9]{3}' "$log" | sed -E 's/ \[[^]]*\.csproj[^]]*\]$//' | sort -u >"$work/warnings.txt" || true
# Ours: a call site under src/, or a whole assembly of ours ("Assembly 'Conduit.X' produced trim warnings").
grep -E "/src/|Assembly 'Conduit\." "$work/warnings.txt" >"$work/ours.txt" || true
grep -vE "/src/|Assembly 'Conduit\." "$work/warnings.txt" >"$work/theirs.txt" || true
ours=$(wc -l <"$work/ours.txt")
theirs=$(wc -l <"$work/theirs.txt")
step "trim/AOT warnings: ours $ours, third-party $theirs"
if ((theirs > 0)); then
  sed -E 's/^.*warning (IL[0-9]+): /  third-party \1: /' "$work/theirs.txt" | cut -c1-240
fi
if ((ours > 0)); then
  sed 's/^/  ours: /' "$work/ours.txt" >&2
  fail "$ours trim/AOT warning(s) from our own projects"
fi

binary="$out/conduit"
[[ -x "$binary" ]] || fail "no binary at ${binary#"$root"/}"
size=$(stat -c %s "$binary")
step "binary ${binary#"$root"/}: $size bytes ($((size / 1024 / 1024)) MiB), published in ${aot_seconds} s"

step "publishing the JIT build (framework-dependent) into ${jit#"$root"/}"
dotnet publish src/Conduit.Cli/Conduit.Cli.csproj -c Release -o "$jit" -nologo -clp:ErrorsOnly >"$work/jit.log" 2>&1 \
  || { tail -n 40 "$work/jit.log" >&2; fail "dotnet publish (JIT) failed"; }

# --- 3. Smoke runs of the AOT binary -------------------------------------------------------------------------------
export CONDUIT_CONFIG_DIR="$work/config" NO_COLOR=1
version=$("$binary" --version) || fail "conduit --version"
step "conduit --version: $version"
"$binary" --help >"$work/help.txt" || fail "conduit --help"
grep -q "mist" "$work/help.txt" || fail "conduit --help does not list the mist command"
"$binary" demo --step connect >"$work/demo.txt" 2>&1 || { cat "$work/demo.txt" >&2; fail "conduit demo --step connect"; }
grep -q "Signed in as" "$work/demo.txt" || fail "conduit demo --step connect did not sign in"
step "conduit --help, conduit demo --step connect: ok"

# The sandbox on free ports; its info file gives the URL, a token and the org id (secrets stay in files, not output).
"$binary" sandbox --port 0 --https-port 0 --info-file "$work/sandbox.json" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 300); do
  jq -e .http "$work/sandbox.json" >/dev/null 2>&1 && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log" >&2; fail "conduit sandbox exited"; }
  sleep 0.1
done
jq -e .http "$work/sandbox.json" >/dev/null 2>&1 || fail "conduit sandbox did not start within 30 s"
MIST_HOST=$(jq -r .http "$work/sandbox.json")
MIST_API_TOKEN=$(jq -r '.tokens[0]' "$work/sandbox.json")
org=$(jq -r .orgId "$work/sandbox.json")
export MIST_HOST MIST_API_TOKEN

call() { "$binary" mist call "$@" --no-prompt --json 2>&1; }
# A plain operation with a path parameter (reflection: discover, probe, invoke).
call getOrg --param "org_id=$org" | jq -e --arg org "$org" '.id == $org' >/dev/null || fail "mist call getOrg"
# A paged list of models, every page; and a paged list of untyped items (JsonElement), with a query parameter.
call listOrgSites --param "org_id=$org" --param limit=1 --all | jq -e 'type == "array" and length >= 1' >/dev/null || fail "mist call listOrgSites --all"
call listOrgDevicesStats --param "org_id=$org" --param limit=2 | jq -e 'type == "array"' >/dev/null || fail "mist call listOrgDevicesStats"
# A body; a list parameter (a List<string> made through the generated JSON metadata); enum values read by reflection.
call createOrgSite --param "org_id=$org" --body '{"name":"aot smoke"}' | jq -e '.name == "aot smoke"' >/dev/null || fail "mist call createOrgSite"
call getOrg128TRegistrationCommands --param "org_id=$org" --param asset_ids=a,b >"$work/list.json" || { cat "$work/list.json" >&2; fail "mist call with a list parameter"; }
call getOrgInventory --describe | jq -e '[.parameters[] | select(.name == "type")][0].values | index("switch") != null' >/dev/null \
  || fail "mist call getOrgInventory --describe (enum values)"
operations=$("$binary" mist call --list --json | jq '.operations | length')
((operations > 1000)) || fail "mist call --list found $operations operations"
step "conduit mist call against conduit sandbox: ok ($operations operations discovered by reflection)"
# SIGTERM, not SIGINT: a background job of a non-interactive shell ignores SIGINT. The CLI cancels on either.
kill -TERM "$sandbox_pid"
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""

# --- 4. Start-up: conduit --help, AOT vs JIT ------------------------------------------------------------------------
# Wall time of one run in microseconds, from bash's clock (no extra process around the command).
time_runs() {
  local -a times=()
  local i t0 t1
  for i in 1 2; do "$@" >/dev/null 2>&1; done # warm the file cache
  for ((i = 0; i < runs; i++)); do
    t0=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1
    t1=${EPOCHREALTIME/./}
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n >"$work/times.txt"
  local min median
  min=$(head -n 1 "$work/times.txt")
  median=$(awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }' "$work/times.txt")
  awk -v label="$label" -v median="$median" -v min="$min" 'BEGIN { printf "  %-34s median %7.1f ms   min %7.1f ms\n", label, median / 1000, min / 1000 }'
}
step "start-up of 'conduit --help', $runs runs each (load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
label="Native AOT (artifacts/aot/conduit)" time_runs "$binary" --help
label="JIT apphost (jit/conduit)" time_runs "$jit/conduit" --help
label="JIT (dotnet jit/conduit.dll)" time_runs dotnet "$jit/conduit.dll" --help

step "done in $SECONDS s"
