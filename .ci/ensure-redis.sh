#!/usr/bin/env bash
# The two-instance live-updates suite needs a Redis on 127.0.0.1:6379. When none answers, start a
# throwaway one (no persistence), installing Debian's redis-server first when run as root.
set -euo pipefail
answers() {
  { exec 3<>/dev/tcp/127.0.0.1/6379; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  local reply
  IFS= read -r -t 2 reply <&3 || true
  exec 3>&-
  [[ "$reply" == +PONG* ]]
}
answers && exit 0
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing redis-server (the live-updates suite runs two API instances through Redis)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  else
    echo "The tests need a Redis on 127.0.0.1:6379. Start one, or install it: sudo apt-get install redis-server" >&2
    exit 1
  fi
fi
redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save '' --appendonly no >/dev/null
for _ in $(seq 50); do
  answers && exit 0
  sleep 0.1
done
echo "redis-server did not answer on 127.0.0.1:6379" >&2
exit 1
