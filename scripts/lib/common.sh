# Shared helpers for duban's shell scripts. Source it; do not run it.
DUBAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Repo-local cache (git-ignored) and a per-user cache shared by every clone on the machine.
DUBAN_CACHE="$DUBAN_ROOT/.cache"
DUBAN_USER_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/duban"

log() { printf '[duban] %s\n' "$*" >&2; }
die() {
  printf '[duban] error: %s\n' "$*" >&2
  exit 1
}

# When the variable named $1 is set, prints its value and exits: an operator's path to a tool
# wins over any cache or install. It must name an executable file.
use_path_from() {
  local name=$1 path=${!1:-}
  [ -n "$path" ] || return 0
  [ -x "$path" ] || die "$name=$path is not an executable file"
  echo "$path"
  exit 0
}

# Installs Debian packages with apt-get (as root, or through sudo), or fails saying what to install
# by hand. $1 is the hint shown when apt-get is unavailable; the rest are the packages.
apt_install() {
  local hint=$1
  shift
  local sudo_cmd=()
  command -v apt-get >/dev/null 2>&1 || die "$* missing and apt-get is not available: $hint"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "installing $* needs root or sudo."
    sudo_cmd=(sudo)
  fi
  log "installing $* (apt-get)…"
  "${sudo_cmd[@]}" apt-get update -qq >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@" >&2 ||
    die "apt-get install $* failed"
}

# Prints the path of a Go tool built once per machine and kept in both caches as <name>-<version>:
# the repo cache first, then the per-user cache, then `go install <package>@<version>`.
# $1 name, $2 package, $3 version, $4 what to say when Go is missing or the build fails, $5 the
# name of the binary `go install` makes when it differs from $1.
go_tool() {
  local name=$1 package=$2 version=$3 hint=$4 built=${5:-$1}
  local repo_bin="$DUBAN_CACHE/bin/$name-$version" user_bin="$DUBAN_USER_CACHE/bin/$name-$version"
  if [ -x "$repo_bin" ]; then echo "$repo_bin"; return 0; fi
  mkdir -p "$DUBAN_CACHE/bin" "$DUBAN_USER_CACHE/bin"
  if [ ! -x "$user_bin" ]; then
    command -v go >/dev/null 2>&1 || die "no $name found and Go is not installed: $hint"
    log "building $name $version with go install (first run only; takes a few minutes)…"
    local build_dir
    build_dir=$(mktemp -d)
    if ! GOBIN="$build_dir" GOFLAGS=-mod=mod go install "$package@$version" >&2; then
      rm -rf "$build_dir"
      die "go install $package@$version failed (is the Go module proxy reachable?): $hint"
    fi
    cp "$build_dir/$built" "$user_bin.tmp" && mv "$user_bin.tmp" "$user_bin"
    rm -rf "$build_dir"
  fi
  cp "$user_bin" "$repo_bin.tmp" && mv "$repo_bin.tmp" "$repo_bin"
  log "$name $version cached at $repo_bin"
  echo "$repo_bin"
}

# Prints the path of executable $3 of the PyPI package $2 (name==version), installed once into a
# virtualenv .cache/$1. The marker is written last, so an install stopped half-way starts again.
# $4 is what to say when Python or the index is missing.
python_tool() {
  local dir=$1 requirement=$2 executable=$3 hint=$4
  local venv="$DUBAN_CACHE/$dir"
  if [ -f "$venv/.installed" ]; then echo "$venv/bin/$executable"; return 0; fi
  command -v python3 >/dev/null 2>&1 || die "python3 is missing: install Python 3.9+ (with venv), or $hint"
  log "installing $requirement into $venv (first run only)…"
  rm -rf "$venv"
  if ! python3 -m venv "$venv" >&2; then
    # Debian's python3 lacks venv until python3-venv is installed.
    rm -rf "$venv"
    apt_install "install Debian's python3-venv, or $hint" python3-venv
    python3 -m venv "$venv" >&2 || die "python3 -m venv failed: install Debian's python3-venv, or $hint"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$requirement" >&2 ||
    die "pip install $requirement failed (is the package index reachable?): $hint"
  touch "$venv/.installed"
  echo "$venv/bin/$executable"
}
