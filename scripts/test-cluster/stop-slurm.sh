#!/usr/bin/env bash
# Stops the cluster start-slurm.sh started, by the PIDs it recorded (munged only if it started it).
# usage: stop-slurm.sh [FOLDER]   (default: /tmp/ringlab-slurm)
set -uo pipefail
root="$(realpath -m "${1:-/tmp/ringlab-slurm}")"
stop() {
  local file="$root/pids/$1.pid"
  [ -f "$file" ] || return 0
  local pid
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$file"
}
# jobs still running (a test that failed half-way) would outlive their node daemons: cancel them first
export SLURM_CONF="$root/slurm.conf"
if [ -f "$root/pids/slurmctld.pid" ] && kill -0 "$(cat "$root/pids/slurmctld.pid")" 2>/dev/null; then
  jobs="$(squeue -h -o %A 2>/dev/null | sort -u)"
  if [ -n "$jobs" ]; then
    # shellcheck disable=SC2086
    scancel $jobs 2>/dev/null
    for _ in $(seq 1 150); do [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break; sleep 0.1; done
  fi
fi
stop slurmd-n1
stop slurmd-n2
stop slurmctld
stop munged
