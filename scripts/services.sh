#!/usr/bin/env bash
# Postgres and Redis for n8n's queue mode (tests, `npm run dev -- --queue`, load and bench).
# Debian's own packages (`postgresql`, `redis-server`): the ones this project has measured n8n's
# queue mode with (Postgres 15, Redis 7.0 on Debian 12), installed by apt-get when missing.
#
# Usage: scripts/services.sh install
#          installs the missing packages with apt-get (needs root; prints what and where first)
#        scripts/services.sh start <dir> <postgres port> <redis port>
#          a fresh Postgres cluster and a Redis in <dir>, listening on 127.0.0.1 only;
#          prints "postgres <pid>" and "redis <pid>"
#        scripts/services.sh stop <dir>
#          stops both by the pids they wrote into <dir> (SIGTERM, then SIGKILL after 20 s)
set -euo pipefail

PACKAGES=(postgresql redis-server)

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] && [ -x "$dir/postgres" ] && echo "$dir"
}

missing() {
  local wanted=()
  pg_bin >/dev/null || wanted+=(postgresql)
  command -v redis-server >/dev/null || wanted+=(redis-server)
  echo "${wanted[@]:-}"
}

install() {
  local wanted; wanted=$(missing)
  [ -z "$wanted" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "services.sh: $wanted missing and not root: install them with: sudo apt-get install -y $wanted" >&2
    exit 1
  fi
  echo "services.sh: installing Debian packages: $wanted (apt-get, into /usr; about 1-2 minutes, ~60 MB)." >&2
  echo "services.sh: only the binaries are used: their system services are not started by this project." >&2
  export DEBIAN_FRONTEND=noninteractive
  # No service may start on the default ports during install (policy-rc.d 101 = "not allowed").
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created_policy=1; fi
  # shellcheck disable=SC2086
  { apt-get install -y --no-install-recommends $wanted >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y --no-install-recommends $wanted >/dev/null; }; } \
    || { [ $created_policy -eq 1 ] && rm -f "$policy"; echo "services.sh: apt-get install $wanted failed" >&2; exit 1; }
  [ $created_policy -eq 1 ] && rm -f "$policy"
  [ -z "$(missing)" ] || { echo "services.sh: still missing after install: $(missing)" >&2; exit 1; }
  echo "services.sh: installed $wanted." >&2
}

# Waits until a pid file exists and holds a live process; prints the pid.
pid_from() {
  local file=$1 deadline=$((SECONDS + 60)) pid
  while [ $SECONDS -lt $deadline ]; do
    if [ -s "$file" ]; then
      pid=$(head -1 "$file")
      if kill -0 "$pid" 2>/dev/null; then echo "$pid"; return 0; fi
    fi
    sleep 0.1
  done
  return 1
}

start() {
  local dir=${1:?dir} pg_port=${2:?postgres port} redis_port=${3:?redis port}
  install
  local bin; bin=$(pg_bin)
  mkdir -p "$dir/postgres" "$dir/redis"
  # initdb refuses to run as root: the cluster belongs to Debian's postgres user.
  local as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chmod 755 "$dir"
    chown postgres:postgres "$dir/postgres"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bin/initdb" -D "$dir/postgres/data" --auth=trust --username=n8n --encoding=UTF8 >"$dir/postgres/initdb.log" 2>&1 \
    || { cat "$dir/postgres/initdb.log" >&2; exit 1; }
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/postgres/data" -l "$dir/postgres/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $dir/postgres -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null \
    || { tail -20 "$dir/postgres/postgres.log" >&2; exit 1; }
  "${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U n8n n8n
  echo "postgres $(pid_from "$dir/postgres/data/postmaster.pid")"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" --daemonize yes \
    --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" --save '' --appendonly no >/dev/null
  echo "redis $(pid_from "$dir/redis/redis.pid")"
}

stop_pid() {
  local file=$1 pid
  [ -s "$file" ] || return 0
  pid=$(head -1 "$file")
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop() {
  local dir=${1:?dir}
  stop_pid "$dir/redis/redis.pid"
  stop_pid "$dir/postgres/data/postmaster.pid"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  install) install;;
  start) start "$@";;
  stop) stop "$@";;
  *) echo "usage: $0 install | start <dir> <postgres port> <redis port> | stop <dir>" >&2; exit 2;;
esac
