#!/usr/bin/env bash
# A throw-away sshd on a loopback port for the SSH tests: its own host key, its own user key
# (authorized for the current user only through this sshd's config, never ~/.ssh), everything in
# one folder, started in the background and stopped by PID with stop-sshd.sh.
#
#   scripts/test-cluster/start-sshd.sh [DIR]      (default DIR: ${TMPDIR:-/tmp}/ringlab-test-sshd)
#   export RINGLAB_TEST_SSH=DIR                   (the tests connect to the host alias ringlab-test,
#                                                  or localhost, with ssh -F DIR/ssh_config)
#
# RINGLAB_TEST_SSH_PORT picks the port (default 2222). If SLURM_CONF is set, sessions of this sshd
# get it too, so a sweep submitted over ssh reaches the test Slurm (start-slurm.sh).
set -euo pipefail

dir="${1:-${TMPDIR:-/tmp}/ringlab-test-sshd}"
port="${RINGLAB_TEST_SSH_PORT:-2222}"
user="$(id -un)"

if ! command -v ssh >/dev/null 2>&1 || ! [ -x /usr/sbin/sshd ] || ! command -v rsync >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openssh-server openssh-client rsync >/dev/null
  else
    echo "start-sshd: needs ssh, /usr/sbin/sshd and rsync (Debian: openssh-client openssh-server rsync)" >&2
    exit 1
  fi
fi

if [ -f "$dir/sshd.pid" ] && kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null; then
  echo "start-sshd: already running (PID $(cat "$dir/sshd.pid")) in $dir" >&2
  echo "export RINGLAB_TEST_SSH=$dir"
  exit 0
fi

mkdir -p "$dir"
chmod 700 "$dir"
rm -f "$dir"/host_ed25519* "$dir"/id_ed25519* "$dir"/wrong_ed25519*
ssh-keygen -q -t ed25519 -N '' -C ringlab-test-host -f "$dir/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -C ringlab-test-user -f "$dir/id_ed25519"
# a second key that is NOT authorized: the tests check the message a refused key gives
ssh-keygen -q -t ed25519 -N '' -C ringlab-test-wrong -f "$dir/wrong_ed25519"
cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys"

{
  echo "Port $port"
  echo "ListenAddress 127.0.0.1"
  echo "HostKey $dir/host_ed25519"
  echo "PidFile none"
  echo "AuthorizedKeysFile $dir/authorized_keys"
  echo "AllowUsers $user"
  echo "PubkeyAuthentication yes"
  echo "PasswordAuthentication no"
  echo "KbdInteractiveAuthentication no"
  echo "UsePAM no"
  echo "PermitRootLogin prohibit-password"
  # the folder may sit under a world-writable /tmp, which StrictModes refuses
  echo "StrictModes no"
  echo "MaxSessions 64"
  echo "MaxStartups 64"
  echo "Subsystem sftp internal-sftp"
  echo "LogLevel VERBOSE"
  if [ -n "${SLURM_CONF:-}" ]; then
    echo "SetEnv SLURM_CONF=$SLURM_CONF"
  fi
} > "$dir/sshd_config"

echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_ed25519.pub")" > "$dir/known_hosts"
cat > "$dir/ssh_config" <<CONF
Host ringlab-test ringlab-test-wrong-key localhost
  HostName 127.0.0.1
  Port $port
  User $user
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  StrictHostKeyChecking yes
  LogLevel ERROR
Host ringlab-test localhost
  IdentityFile $dir/id_ed25519
Host ringlab-test-wrong-key
  IdentityFile $dir/wrong_ed25519
CONF

# sshd run as root wants its privilege-separation folder
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
/usr/sbin/sshd -t -f "$dir/sshd_config"
setsid /usr/sbin/sshd -D -f "$dir/sshd_config" -E "$dir/sshd.log" </dev/null >/dev/null 2>&1 &
echo $! > "$dir/sshd.pid"

for _ in $(seq 1 50); do
  if ssh -F "$dir/ssh_config" -o BatchMode=yes -o ConnectTimeout=2 ringlab-test true 2>/dev/null; then
    echo "start-sshd: sshd (PID $(cat "$dir/sshd.pid")) on 127.0.0.1:$port, host alias ringlab-test in $dir/ssh_config" >&2
    echo "export RINGLAB_TEST_SSH=$dir"
    exit 0
  fi
  if ! kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null; then
    echo "start-sshd: sshd exited; its log:" >&2
    tail -n 20 "$dir/sshd.log" >&2 || true
    exit 1
  fi
  sleep 0.2
done
echo "start-sshd: sshd does not answer on 127.0.0.1:$port after 10 s; its log:" >&2
tail -n 20 "$dir/sshd.log" >&2 || true
kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
exit 1
