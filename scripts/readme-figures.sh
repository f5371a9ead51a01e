#!/usr/bin/env bash
# Regenerates the README's figures and the tables beside them from the current code, with the
# commands the README shows next to them: the quick start's training output, the figures of
# "ringlab export" (five short LeNet runs on sample-data, 3 epochs on 4,000 MNIST training images,
# tested on 2,000), the comparison table of "ringlab export-data", and a workspace's runs exported
# by id. It replaces runs/paper and runs/paper-ws, and writes docs/figures/* (the quick start's and
# the tables' text output included, to paste into the README). Build first:
# ./mvnw -q package -DskipTests. Takes a few minutes on 2 cores (--no-quick-start: a minute less).
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/readme-figures.sh [--no-quick-start] [-h|--help]
  --no-quick-start  skip the quick start's full run (3 epochs of 60,000 images)
USAGE
}

quick_start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-quick-start) quick_start=0 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -f target/ringlab.jar ] || { echo "readme-figures: build first: ./mvnw -q package -DskipTests" >&2; exit 2; }
out=docs/figures
mkdir -p "$out"

# prints the command as the README shows it, then runs it
run() {
  echo "\$ ./ringlab $*" >&2
  ./ringlab "$@"
}

if [ "$quick_start" = 1 ]; then
  echo "== quick start"
  start=$(date +%s)
  ./ringlab train | tee "$out/quick-start.txt"
  echo "($(( $(date +%s) - start )) s wall)" | tee -a "$out/quick-start.txt"
  dir=$(sed -n 's/^run directory //p' "$out/quick-start.txt")
  ./ringlab eval --run "$dir" | tee -a "$out/quick-start.txt"
fi

echo "== ringlab export: five short runs"
rm -rf runs/paper runs/paper-ws
Q=(--epochs 3 --limit-train 4000 --limit-test 2000 --threads 1)
run train "${Q[@]}" --seed 1 --out runs/paper/ring-s1 > /dev/null
run train "${Q[@]}" --seed 2 --out runs/paper/ring-s2 > /dev/null
run train "${Q[@]}" --method lsq --bits 2 --out runs/paper/lsq-w2 > /dev/null
run train "${Q[@]}" --method bitnet --out runs/paper/bitnet > /dev/null
run train "${Q[@]}" --method fp32 --out runs/paper/fp32 > /dev/null
P=(--run runs/paper/ring-s1 --run runs/paper/ring-s2 --run runs/paper/lsq-w2 --run runs/paper/bitnet --run runs/paper/fp32)
run export "${P[@]}" --figure accuracy --format png --dpi 200 --size ieee-single --out "$out/accuracy.png"
run export "${P[@]}" --figure accuracy --format pdf --size ieee-single --out "$out/accuracy.pdf"
run export "${P[@]}" --figure loss --format png --dpi 200 --size ieee-single --out "$out/loss.png"
run export "${P[@]}" --figure comparison --format png --dpi 200 \
  --columns run,bits,levels,compression,soft,snapped,snapped-bn --out "$out/comparison.png"
run export --run runs/paper/lsq-w2 --figure histogram --layer fc1 --format png --dpi 200 --size ieee-single \
  --out "$out/lsq-fc1-histogram.png"
run export --run runs/paper/ring-s1 --figure ring --layer fc1 --format png --dpi 200 --size ieee-single \
  --out "$out/ring-fc1.png"
if command -v pdffonts > /dev/null; then
  pdffonts "$out/accuracy.pdf"
fi

echo "== ringlab export-data"
run export-data --run runs/paper/ring-s1 --run runs/paper/ring-s2 --run runs/paper/fp32 --table comparison \
  --format markdown --digits 4 | tee "$out/export-data.md"

echo "== runs of a workspace, by id"
run train "${Q[@]}" --method ring-ste --name "Ring-STE, workspace" --workspace runs/paper-ws > /dev/null
run train "${Q[@]}" --workspace runs/paper-ws > /dev/null
run export --workspace runs/paper-ws --run 1 --run 2 --figure accuracy --format png --dpi 200 --size ieee-single \
  --out "$out/workspace-accuracy.png"
run compare --workspace runs/paper-ws --digits 4 --columns run,method,final_soft,final_snapped,final_snapped_bn \
  | tee "$out/workspace-compare.md"
