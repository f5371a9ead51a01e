#!/usr/bin/env bash
# Window vs command line: trains the same configuration with `ringlab train --workspace` and in the
# workbench (under Xvfb, software rendering, the app started with -Dringlab.autorun=CONFIG so it
# presses Start itself and quits at the end), each into a fresh workspace, alternating the two, and
# prints each epoch's training images/s from both workspaces' run stores, their ratio, and the CPU share of the window's JVM, its
# training worker and the X server over the training. See README.md, "The window and training
# throughput". Build first: ./mvnw -q package -DskipTests
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/window-throughput.sh [options]
  --config C      lenet-ring8, resnet20-ring4, all (default) or a run configuration FILE.json
                  (its "threads" is replaced by --threads)
  --rounds N      CLI then window, N times over, per configuration (default 1)
  --threads N     libtorch intra-op threads on both sides (default 2; inter-op threads 1)
  --worker W      process (the app's default: training in a worker JVM the app starts) or
                  in-process (training in the window's JVM)
  --java-opts S   more options for the window's JVM, e.g. a flight recording:
                  "-XX:StartFlightRecording=filename=/tmp/w.jfr,settings=profile"
  --work DIR      configurations, workspaces and logs (default: a fresh temporary folder)
  -h, --help      this text
Presets (on sample-data, MNIST): lenet-ring8 is the window's default run (LeNet, ring 8, Adam,
3 epochs of 60,000 images); resnet20-ring4 is ResNet-20 ring 4, SGD 0.1, 3 epochs of 6,400
images, 1,000 test images, 5 BatchNorm re-estimation batches (a few minutes).
EOF
}

die() { echo "window-throughput: $*" >&2; exit 1; }

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configs=(lenet-ring8 resnet20-ring4)
rounds=1
threads=2
worker=process
java_opts=""
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --config) [ $# -ge 2 ] || die "--config needs a value"
      if [ "$2" = all ]; then configs=(lenet-ring8 resnet20-ring4); else configs=("$2"); fi; shift 2 ;;
    --rounds) [ $# -ge 2 ] || die "--rounds needs a value"; rounds="$2"; shift 2 ;;
    --threads) [ $# -ge 2 ] || die "--threads needs a value"; threads="$2"; shift 2 ;;
    --worker) [ $# -ge 2 ] || die "--worker needs a value"; worker="$2"; shift 2 ;;
    --java-opts) [ $# -ge 2 ] || die "--java-opts needs a value"; java_opts="$2"; shift 2 ;;
    --work) [ $# -ge 2 ] || die "--work needs a value"; work="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds $rounds: must be a whole number ≥ 1"
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || die "--threads $threads: must be a whole number ≥ 1"
case "$worker" in process|in-process) ;; *) die "--worker $worker: must be process or in-process" ;; esac
[ -f "$home/target/ringlab.jar" ] || die "$home/target/ringlab.jar not found; build first: ./mvnw -q package -DskipTests"
command -v Xvfb >/dev/null || die "Xvfb not found; install it: apt-get install xvfb libgtk-3-0 libxtst6 libxxf86vm1 libgl1"
command -v python3 >/dev/null || die "python3 not found (it writes the configurations and the table)"

if [ -z "$work" ]; then
  work="$(mktemp -d /tmp/ringlab-window-throughput.XXXXXX)"
fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"
echo "window-throughput: configurations, workspaces and logs in $work" >&2

# the same malloc tuning as ./ringlab (and the worker the app starts) on both sides
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824}"
clk_tck="$(getconf CLK_TCK)"

# JavaFX on the module path and the rest on the class path, as ./mvnw javafx:run starts the app
fx_path=""
class_path="$home/target/ringlab.jar"
for jar in "$home"/target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) fx_path="${fx_path:+$fx_path:}$jar" ;;
    javafx-*) ;;
    *) class_path="$class_path:$jar" ;;
  esac
done
[ -n "$fx_path" ] || die "no JavaFX jars in $home/target/lib; build first: ./mvnw -q package -DskipTests"

# writes the configuration of a preset (or a copy of a file) with the thread count set
write_config() { # name out
  python3 - "$1" "$2" "$threads" "$home/sample-data" <<'EOF'
import json, sys
name, out, threads, data = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
presets = {
    "lenet-ring8": {"data": data, "model": "lenet", "method": "ring", "ring-size": 8},
    "resnet20-ring4": {"data": data, "model": "resnet20", "method": "ring", "ring-size": 4,
                       "optimizer": "sgd", "lr": 0.1, "epochs": 3, "limit-train": 6400,
                       "limit-test": 1000, "bn-recal-batches": 5},
}
if name in presets:
    config = presets[name]
else:
    try:
        with open(name, encoding="utf-8") as f:
            config = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"window-throughput: --config {name}: not a preset and not a readable JSON file ({e})")
    if not isinstance(config, dict):
        sys.exit(f"window-throughput: --config {name}: must hold one JSON object")
config["threads"] = threads
with open(out, "w", encoding="utf-8") as f:
    json.dump(config, f, indent=1)
EOF
}

# utime + stime of a process in clock ticks (empty when it is gone)
cpu_ticks() {
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 0
  # the fields after the command name, which is in parentheses and may hold spaces
  sed -e 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

xvfb_pid=""
app_pid=""
cli_pid=""
cleanup() {
  if [ -n "$cli_pid" ] && kill -0 "$cli_pid" 2>/dev/null; then kill "$cli_pid" 2>/dev/null || true; fi
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ] && kill -0 "$xvfb_pid" 2>/dev/null; then kill "$xvfb_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_xvfb() {
  local display_file="$work/display"
  rm -f "$display_file"
  Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp 3>"$display_file" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ -s "$display_file" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || die "Xvfb did not start; see $work/xvfb.log"
    sleep 0.1
  done
  [ -s "$display_file" ] || die "Xvfb gave no display number within 10 s; see $work/xvfb.log"
  export DISPLAY=":$(tr -d '[:space:]' <"$display_file")"
}

results="$work/results.tsv"
: >"$results"

run_cli() { # name config round
  local ws="$work/$1-r$3-cli" log="$work/$1-r$3-cli.log"
  # in the background, so that an interrupted measurement ends it too (cleanup)
  "$home/ringlab" train --config "$2" --workspace "$ws" >"$log" 2>&1 &
  cli_pid=$!
  wait "$cli_pid" || die "ringlab train failed; see $log"
  cli_pid=""
  epochs_to_results "$1" "$3" cli "$ws/runs.db"
}

run_window() { # name config round
  local ws="$work/$1-r$3-window" log="$work/$1-r$3-window.log"
  local mode=()
  [ "$worker" = in-process ] && mode=(-Dringlab.worker=in-process)
  # shellcheck disable=SC2086  # java_opts is a list of options
  # -XX:TieredStopAtLevel=1: as ./mvnw javafx:run starts the app (pom.xml, javafx-maven-plugin)
  java -XX:TieredStopAtLevel=1 -Dprism.order=sw -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -Dringlab.workspace="$ws" -Dringlab.autorun="$2" "${mode[@]}" $java_opts \
    --module-path "$fx_path" --add-modules javafx.controls,javafx.fxml,javafx.swing \
    -cp "$class_path" org.ringlab.ui.RingLabApp >"$log" 2>&1 &
  app_pid=$!
  local t0="" t1="" app0="" app1="" worker_pid="" worker0="" worker1="" x0="" x1=""
  local deadline=$((SECONDS + 3600))
  while kill -0 "$app_pid" 2>/dev/null; do
    if [ -z "$t0" ] && grep -q '^autorun: running ' "$log"; then
      t0="$(date +%s.%N)"; app0="$(cpu_ticks "$app_pid")"; x0="$(cpu_ticks "$xvfb_pid")"
      worker_pid="$(pgrep -P "$app_pid" java | head -n 1 || true)"
      worker0="$(cpu_ticks "$worker_pid")"
    fi
    if [ -n "$t0" ] && [ -z "$t1" ] && grep -q '^autorun: ended ' "$log"; then
      t1="$(date +%s.%N)"; app1="$(cpu_ticks "$app_pid")"; x1="$(cpu_ticks "$xvfb_pid")"
      worker1="$(cpu_ticks "$worker_pid")"
    fi
    grep -q '^autorun: error ' "$log" && break
    [ "$SECONDS" -lt "$deadline" ] || die "the window did not end its run within an hour; see $log"
    sleep 0.2
  done
  # the app quits by itself; give it a moment to close its worker, then make sure
  for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  grep -q '^autorun: error ' "$log" && die "$(sed -n 's/^autorun: error //p' "$log" | head -n 1) (log: $log)"
  local ended
  ended="$(sed -n 's/^autorun: ended //p' "$log" | head -n 1)"
  [ -n "$ended" ] || die "the window ended without its run ending; see $log"
  read -r _id status _rest <<<"$ended"
  [ "$status" = finished ] || die "the window's run ended $status: $ended (log: $log)"
  [ -n "$t1" ] || die "the window's run ended before its start was seen; see $log"
  local pulse
  pulse="$(sed -n 's/^autorun: fx-wait //p' "$log" | head -n 1)"
  local frames
  frames="$(sed -n 's/^autorun: frames drawn \([0-9]*\) of \([0-9]*\) ticks.*drawing took \([0-9.]*\) % of a core; \([0-9]*\) JavaFX pulses.*/\1 of \2 ticks, drawing \3 %, \4 pulses/p' "$log" | head -n 1)"
  epochs_to_results "$1" "$3" window "$ws/runs.db"
  python3 - "$1" "$3" "$t0" "$t1" "$clk_tck" "${app0:-}" "${app1:-}" "${worker0:-}" "${worker1:-}" \
    "${x0:-}" "${x1:-}" "$pulse" "${frames:-–}" >>"$results" <<'EOF'
import sys
name, rnd, t0, t1, tck = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
def share(a, b):
    return "" if not a or not b else f"{(float(b) - float(a)) / tck / (t1 - t0) * 100:.0f}"
print("\t".join(["cpu", name, rnd, f"{t1 - t0:.1f}", share(sys.argv[6], sys.argv[7]),
                 share(sys.argv[8], sys.argv[9]), share(sys.argv[10], sys.argv[11]), sys.argv[12], sys.argv[13]]))
EOF
}

# the epochs of the one run in a fresh workspace's store (docs/run-store.md)
epochs_to_results() { # name round side runs.db
  [ -f "$4" ] || die "no $4"
  python3 - "$1" "$2" "$3" "$4" >>"$results" <<'EOF'
import sqlite3, sys
name, rnd, side, path = sys.argv[1:5]
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
for epoch, ips in db.execute("SELECT epoch, images_per_s FROM epochs WHERE run_id = (SELECT MAX(run_id) FROM epochs) "
                             "ORDER BY epoch"):
    print("\t".join(["epoch", name, rnd, side, str(epoch), str(ips)]))
EOF
}

start_xvfb
for name in "${configs[@]}"; do
  config="$work/$(basename "$name" .json).json"
  write_config "$name" "$config"
  for round in $(seq "$rounds"); do
    echo "window-throughput: $name round $round: ringlab train" >&2
    run_cli "$(basename "$name" .json)" "$config" "$round"
    echo "window-throughput: $name round $round: the window ($worker)" >&2
    run_window "$(basename "$name" .json)" "$config" "$round"
  done
done

python3 - "$results" "$threads" "$worker" <<'EOF'
import statistics, sys
from collections import defaultdict
path, threads, worker = sys.argv[1], sys.argv[2], sys.argv[3]
ips = {}
cpu = []
for line in open(path, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "epoch":
        ips[(f[1], f[2], f[4], f[3])] = float(f[5])
    elif f[0] == "cpu":
        cpu.append(f[1:])
where = "a worker JVM the app starts" if worker == "process" else "the window's JVM"
print(f"training images/s per epoch, window vs `ringlab train`, {threads} threads, Xvfb with software "
      f"rendering; the window trains in {where}")
print()
print("| config | round | epoch | CLI img/s | window img/s | window / CLI |")
print("|---|---:|---:|---:|---:|---:|")
ratios = defaultdict(list)
for (name, rnd, epoch, side) in sorted(ips, key=lambda k: (k[0], int(k[1]), int(k[2]))):
    if side != "cli" or (name, rnd, epoch, "window") not in ips:
        continue
    c, w = ips[(name, rnd, epoch, "cli")], ips[(name, rnd, epoch, "window")]
    ratios[name].append(w / c)
    print(f"| {name} | {rnd} | {epoch} | {c:,.0f} | {w:,.0f} | {w / c:.2f} |")
print()
print("| config | round | training s | window JVM cpu (% of a core) | worker cpu | Xvfb cpu | frames drawn, drawing threads' cpu, JavaFX pulses | wait for the FX thread |")
print("|---|---:|---:|---:|---:|---:|---|---|")
for name, rnd, secs, app, wrk, x, pulse, frames in cpu:
    pct = lambda v: f"{v} %" if v else "–"
    print(f"| {name} | {rnd} | {secs} | {pct(app)} | {pct(wrk)} | {pct(x)} | {frames} | {pulse} |")
print()
for name, r in ratios.items():
    print(f"{name}: window / CLI median {statistics.median(r):.2f}, lowest {min(r):.2f} over {len(r)} epochs")
EOF
