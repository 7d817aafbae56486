#!/usr/bin/env bash
# Prints the path of a schemathesis executable (the outside API fuzzer of the test suite),
# installing it once into a virtualenv under .cache/. Order: $SCHEMATHESIS_PATH, the cache, pip.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
version="4.32.5"
use_path_from SCHEMATHESIS_PATH
python_tool "schemathesis-$version" "schemathesis==$version" schemathesis "set SCHEMATHESIS_PATH to a schemathesis executable."
