#!/usr/bin/env bash
# Prints the path of kubernetes-validate (checks the Helm chart's rendered manifests against the
# Kubernetes schemas it carries, offline), installing it once into a virtualenv under .cache/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
version="1.37.0"
use_path_from KUBERNETES_VALIDATE_PATH
python_tool "kubernetes-validate-$version" "kubernetes-validate==$version" kubernetes-validate \
  "set KUBERNETES_VALIDATE_PATH to a kubernetes-validate executable."
