#!/usr/bin/env bash
# Starts a throw-away Slurm cluster on this machine for the cluster tests: munged, slurmctld and two
# node daemons (n1, n2, one fake GPU each), everything under one folder, nothing in /etc. Needs root
# and the Debian packages slurm-wlm and munge. Prints the slurm.conf path on its last line; export it
# as RINGLAB_TEST_SLURM_CONF (and SLURM_CONF to use sinfo/squeue by hand). stop-slurm.sh stops it.
#
# usage: start-slurm.sh [FOLDER]   (default: /tmp/ringlab-slurm)
set -euo pipefail
root="$(realpath -m "${1:-/tmp/ringlab-slurm}")"
for tool in slurmctld slurmd munged sinfo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "start-slurm: $tool not found: apt-get install -y slurm-wlm munge" >&2; exit 2; }
done
if [ "$(id -u)" != 0 ]; then
  echo "start-slurm: must run as root (slurmd runs jobs as their users)" >&2
  exit 2
fi
if [ -f "$root/pids/slurmctld.pid" ] && kill -0 "$(cat "$root/pids/slurmctld.pid")" 2>/dev/null; then
  echo "start-slurm: a cluster is already running from $root (stop it with stop-slurm.sh $root)" >&2
  exit 2
fi
mkdir -p "$root"/{state,spool,log,pids}
chown slurm:slurm "$root/state" "$root/log"
chmod 755 "$root" "$root/log" "$root/pids"
host="$(hostname)"

cat > "$root/slurm.conf" <<CONF
ClusterName=ringlabtest
SlurmctldHost=localhost
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=16817
StateSaveLocation=$root/state
SlurmdSpoolDir=$root/spool/%n
SlurmctldPidFile=$root/pids/slurmctld-daemon.pid
SlurmdPidFile=$root/pids/slurmd-%n-daemon.pid
SlurmctldLogFile=$root/log/slurmctld.log
SlurmdLogFile=$root/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$root/log/jobcomp.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
GresTypes=gpu
# quick tests: short kill grace, frequent scheduling
KillWait=10
SchedulerParameters=sched_interval=2
NodeName=n1 NodeHostname=$host NodeAddr=127.0.0.1 Port=17001 CPUs=1 RealMemory=2000 Gres=gpu:1
NodeName=n2 NodeHostname=$host NodeAddr=127.0.0.1 Port=17002 CPUs=1 RealMemory=2000 Gres=gpu:1
PartitionName=debug Nodes=n[1-2] Default=YES MaxTime=INFINITE State=UP
CONF
# fake GPUs: File= must name a character device
cat > "$root/gres.conf" <<CONF
NodeName=n1 Name=gpu File=/dev/null
NodeName=n2 Name=gpu File=/dev/zero
CONF
export SLURM_CONF="$root/slurm.conf"

# munged refuses to run as root; it forks into the background and writes its own pid file
if ! pgrep -u munge -x munged >/dev/null 2>&1; then
  mkdir -p /run/munge && chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/ringlab-test.pid
  cp /run/munge/ringlab-test.pid "$root/pids/munged.pid"
fi
setsid slurmctld -D -i -f "$SLURM_CONF" >>"$root/log/slurmctld.out" 2>&1 < /dev/null &
echo $! > "$root/pids/slurmctld.pid"
for n in n1 n2; do
  setsid slurmd -D -N "$n" -f "$SLURM_CONF" >>"$root/log/slurmd-$n.out" 2>&1 < /dev/null &
  echo $! > "$root/pids/slurmd-$n.pid"
done
for _ in $(seq 1 150); do
  if [ "$(sinfo -h -o '%T %D' 2>/dev/null)" = "idle 2" ]; then
    echo "$SLURM_CONF"
    exit 0
  fi
  sleep 0.2
done
echo "start-slurm: the nodes did not come up within 30 s; see $root/log" >&2
sinfo >&2 || true
exit 1
