#!/usr/bin/env bash
# Makes sure a local Postgres (5432) and Redis (6379) answer, starting them if they are installed but down.
# Used by CI and by the test setup; does nothing when DATABASE_URL points elsewhere and Redis is not needed.
set -euo pipefail

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }

if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 0.5; done
  pg_up || { echo "Postgres is not reachable on 127.0.0.1:5432 and could not be started" >&2; exit 1; }
fi

if ! redis_up; then
  if command -v redis-server >/dev/null 2>&1; then
    mkdir -p /tmp/termin-agent-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/termin-agent-redis
  fi
  for _ in $(seq 1 20); do redis_up && break; sleep 0.25; done
  redis_up || echo "warning: Redis is not reachable on 127.0.0.1:6379 (tests start their own Redis servers)" >&2
fi
echo "services: postgres ok$(redis_up && echo ', redis ok')"
