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
