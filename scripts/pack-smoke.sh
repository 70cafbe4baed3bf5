#!/usr/bin/env bash
# Packs every library and the conduit tool into a local folder, installs the tool from it into a temporary
# tool path, and runs it: `conduit --version` and one quick demo step. Used by CI before the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${PACK_OUTPUT:-$PWD/artifacts/packages}"
tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
rm -rf "$out"

dotnet pack Conduit.slnx -c Release -o "$out" -nologo -clp:ErrorsOnly
echo "pack-smoke: packages"
for package in "$out"/*.nupkg; do
  printf '  %-60s %8d bytes\n' "$(basename "$package")" "$(stat -c %s "$package")"
done

cli="$(ls "$out"/Conduit.Cli.*.nupkg | grep -v '\.snupkg$' | head -n 1)"
version="$(basename "$cli" .nupkg)"
version="${version#Conduit.Cli.}"
dotnet tool install Conduit.Cli --version "$version" --tool-path "$tools" --add-source "$out" >/dev/null
echo "pack-smoke: installed conduit $("$tools/conduit" --version)"
"$tools/conduit" demo --step connect >/dev/null
echo "pack-smoke: 'conduit demo --step connect' from the installed tool exited 0"
