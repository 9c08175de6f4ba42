# Shared by scripts/run-tests.sh and deploy/run-local.sh (sourced, not run; needs say() from
# scripts/_env.sh): install Debian packages, as root or through sudo.

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then
    say "Root nodig voor: $*  (via sudo)"
    sudo "$@"
  else
    say "Root nodig voor: $*  — voer dit uit als root en start het script opnieuw."
    exit 1
  fi
}

APT_UPDATED=""
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "apt-get ontbreekt: installeer zelf $* (Debian-pakketnamen) en start het script opnieuw."
    exit 1
  fi
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
