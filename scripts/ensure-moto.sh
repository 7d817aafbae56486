#!/usr/bin/env bash
# Prints the path of a moto_server executable (the S3-compatible server the evidence tests store
# files in), installing it once into a virtualenv under .cache/. Order: $MOTO_SERVER_PATH, the cache, pip.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
version="5.2.5"
use_path_from MOTO_SERVER_PATH
python_tool "moto-$version" "moto[server]==$version" moto_server "set MOTO_SERVER_PATH to a moto_server executable."
