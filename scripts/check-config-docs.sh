#!/usr/bin/env bash
# Fails when docs/configuration.md is not what tools/Conduit.ConfigDocs writes from the options classes and their XML
# documentation, i.e. an options class or its docs changed without regenerating the reference.
# Regenerate with: dotnet run --project tools/Conduit.ConfigDocs
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tools/Conduit.ConfigDocs -c Release -nologo -v q "-clp:ErrorsOnly;NoSummary"
dotnet tools/Conduit.ConfigDocs/bin/Release/net10.0/Conduit.ConfigDocs.dll --check
