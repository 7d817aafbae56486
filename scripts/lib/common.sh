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
