#!/usr/bin/env bash
# Regenerates the README's figures and the tables beside them from the current code, with the
# commands the README shows next to them: the quick start's training output, the figures of
# "ringlab export" (five short LeNet runs on sample-data, 3 epochs on 4,000 MNIST training images,
# tested on 2,000), the comparison table of "ringlab export-data", and a workspace's runs exported
# by id. It replaces runs/paper and runs/paper-ws, and writes docs/figures/* (the quick start's and
# the tables' text output included, to paste into the README). With --comparison it also reruns the
# README's 33-run method comparison (about 15 minutes on 2 quiet cores) into runs/readme-comparison and
# writes its table to docs/figures/methods-comparison.md; with --screenshots it retakes the window's
# screenshots in docs/screenshots under Xvfb (the Compare window's over runs/readme-comparison when
# that sweep exists). --all does all of it. Build first: ./mvnw -q package -DskipTests. The figures
# alone take a few minutes on 2 cores (--no-quick-start: a minute less).
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/readme-figures.sh [--no-quick-start] [--comparison] [--screenshots] [--all] [-h|--help]
  --no-quick-start  skip the quick start's full run (3 epochs of 60,000 images)
  --comparison      also rerun the README's method comparison sweep (33 runs, ~15 min)
  --screenshots     also retake the window's screenshots (needs xvfb-run and GTK 3)
  --all             --comparison and --screenshots
USAGE
}

quick_start=1
comparison=0
screenshots=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-quick-start) quick_start=0 ;;
    --comparison) comparison=1 ;;
    --screenshots) screenshots=1 ;;
    --all) comparison=1; screenshots=1 ;;
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

if [ "$comparison" = 1 ]; then
  echo "== the method comparison: 11 methods x 3 seeds"
  rm -rf runs/readme-comparison
  start=$(date +%s)
  run sweep --data sample-data --model lenet --epochs 3 \
    --methods fp32,ring,ring-ste,ring-anneal,twn,ttq,bitnet,tequila,lsq,dorefa,pow2 \
    --ring-types triangle --ring-sizes 8 --bit-widths 2 --seeds 1,2,3 --out-dir runs/readme-comparison > /dev/null
  echo "($(( $(date +%s) - start )) s wall)" >&2
  run compare --runs-dir runs/readme-comparison --digits 4 --sort nominal_bits:desc \
    --columns method,nominal_bits,levels,entropy_bits,side_bits,cr_weights,cr_model,final_soft,final_snapped,final_snapped_bn,best_soft,best_snapped,n,wall_s \
    | tee "$out/methods-comparison.md"
fi

if [ "$screenshots" = 1 ]; then
  command -v xvfb-run > /dev/null || { echo "readme-figures: --screenshots needs xvfb-run" >&2; exit 2; }
  shots=$PWD/docs/screenshots
  # a real window under Xvfb with the GTK glass, at the screen size each picture is about
  shot() {
    local screen=$1
    shift
    echo "\$ xvfb-run -a -s \"-screen 0 ${screen}x24\" ./mvnw -B test $*" >&2
    xvfb-run -a -s "-screen 0 ${screen}x24" ./mvnw -B -q -o test -Dheadless=false -Dglass.platform=gtk \
      -Dsurefire.failIfNoSpecifiedTests=false -Dringlab.screenshots="$shots" "$@"
  }
  echo "== screenshots"
  compare=()
  if [ -d runs/readme-comparison ]; then
    compare=(-Dringlab.compare-runs="$PWD/runs/readme-comparison")
  fi
  shot 1920x1200 -Dtest='ReadmeScreenshots#mainWindow+compareWindow' "${compare[@]}"
  shot 1366x768 -Dtest='ReadmeScreenshots#gapChart'
  shot 1920x1080 -Dtest='ReadmeScreenshots#demoModeAt1080p'
  shot 1920x1200 -Dtest=SetupAndCompareScreenshots
  W=runs/readme-replay
  rm -rf "$W"
  R=(--workspace "$W" --epochs 3 --limit-train 4000 --limit-test 500 --snapshot-every 3)
  run train --method ring --name reference-ring "${R[@]}" > /dev/null
  run train --method ring-ste --name ring-ste "${R[@]}" > /dev/null
  shot 1920x1200 -Dtest=ReplayScreenshots -Dringlab.replay-workspace="$PWD/$W"
  echo "(not retaken: sweep-ssh.png needs the test sshd, RINGLAB_TEST_SSH; see the README)" >&2
fi
