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
