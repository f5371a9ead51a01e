#!/usr/bin/env bash
# Stops the sshd that start-sshd.sh started (by its recorded PID) and removes its folder.
#   scripts/test-cluster/stop-sshd.sh [DIR]      (default DIR: ${TMPDIR:-/tmp}/ringlab-test-sshd)
set -euo pipefail

dir="${1:-${RINGLAB_TEST_SSH:-${TMPDIR:-/tmp}/ringlab-test-sshd}}"
if [ ! -f "$dir/sshd.pid" ]; then
  echo "stop-sshd: no sshd.pid in $dir; nothing to stop" >&2
  exit 0
fi
pid="$(cat "$dir/sshd.pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  echo "stop-sshd: stopped sshd (PID $pid)" >&2
fi
# the keys are throw-away: remove them with the rest
rm -rf "$dir"
