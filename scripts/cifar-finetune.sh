#!/usr/bin/env bash
# The CIFAR-10 fine-tuning recipe of the README: the published FP32 ResNet-20 (best_resnet20_none.pth,
# from the Ring Quantization authors' release) fine-tuned to a 2-bit ring (ring-STE, uniform triangle-4)
# and to LSQ W2A2, each recording its epoch 0 (the post-training-quantization accuracy) before the first
# step. Hyperparameters are the workbench defaults for a CIFAR ResNet-20 fine-tune (SGD 0.9, lr 0.01 with
# cosine decay, weight decay 5e-5 at 2 bits, batch 128): common in the papers, not taken from one of
# them (INFERRED). Without CIFAR-10 at hand, --generate N makes a CIFAR-shaped folder of random pixels
# to check the recipe end to end (its accuracies mean nothing). Build first: ./mvnw -q package -DskipTests.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/cifar-finetune.sh --checkpoint FILE.pth (--data DIR | --generate N) [--epochs E]
                                 [--device auto|cpu|gpu] [--limit-train N] [--limit-test N] [--out DIR]
                                 [--only ring|lsq]
  --checkpoint FILE  the FP32 ResNet-20 state dict (best_resnet20_none.pth)
  --data DIR         CIFAR-10 in any form RingLab reads (binary batches, or cifar-10-batches-py)
  --generate N       instead of --data: a CIFAR-shaped folder of N random training images (a dry run)
  --epochs E         fine-tuning epochs (default 60)
  --device D         auto (the GPU where the engine sees one), cpu or gpu (default auto)
  --limit-train N    a class-balanced subset of N training images (default: all)
  --limit-test N     N test images (default: all)
  --out DIR          where the two runs go (default runs/cifar-finetune)
  --only ring|lsq    run one of the two
USAGE
}

checkpoint="" data="" generate="" epochs=60 device=auto out=runs/cifar-finetune only="" limits=()
while [ $# -gt 0 ]; do
  case "$1" in
    --checkpoint) checkpoint=${2:?}; shift ;;
    --data) data=${2:?}; shift ;;
    --generate) generate=${2:?}; shift ;;
    --epochs) epochs=${2:?}; shift ;;
    --device) device=${2:?}; shift ;;
    --limit-train) limits+=(--limit-train "${2:?}"); shift ;;
    --limit-test) limits+=(--limit-test "${2:?}"); shift ;;
    --out) out=${2:?}; shift ;;
    --only) only=${2:?}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

die() { echo "cifar-finetune: $*" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -f target/ringlab.jar ] || die "build first: ./mvnw -q package -DskipTests"
[ -n "$checkpoint" ] || die "--checkpoint FILE.pth is required (the published best_resnet20_none.pth)"
[ -f "$checkpoint" ] || die "--checkpoint $checkpoint: no such file"
case "$only" in ""|ring|lsq) ;; *) die "--only $only: expected ring or lsq" ;; esac
if [ -n "$generate" ]; then
  [ -z "$data" ] || die "give --data or --generate, not both"
  [[ "$generate" =~ ^[0-9]+$ ]] && [ "$generate" -ge 10 ] || die "--generate $generate: expected a count >= 10"
  data="$out/generated-cifar"
  mkdir -p "$data"
  # one record: a label byte (0..9) and 3x32x32 pixel bytes, channel-major, as CIFAR-10's binary batches
  write() {
    local file=$1 count=$2 i
    : > "$file"
    for ((i = 0; i < count; i++)); do
      printf "\\x$(printf %02x $((i % 10)))" >> "$file"
      head -c 3072 /dev/urandom >> "$file"
    done
  }
  write "$data/data_batch_1.bin" "$generate"
  write "$data/test_batch.bin" $(( generate / 5 > 100 ? generate / 5 : 100 ))
  echo "data: $data ($generate training images of random pixels, CIFAR-10 binary layout)"
fi
[ -n "$data" ] || die "give --data DIR (CIFAR-10) or --generate N"

COMMON=(--model resnet20 --data "$data" --init-from "$checkpoint" --epochs "$epochs" --device "$device"
  --optimizer sgd --lr 0.01 --momentum 0.9 --weight-decay 5e-5 --schedule cosine --batch-size 128 "${limits[@]}")

# prints the command, runs it, and keeps its output beside the run
train() {
  local name=$1
  shift
  echo "\$ ./ringlab train ${COMMON[*]} $* --out $out/$name"
  local start
  start=$(date +%s)
  ./ringlab train "${COMMON[@]}" "$@" --out "$out/$name" | tee "$out/$name.log" | grep -E "^(initialised|epoch)"
  echo "($(( $(date +%s) - start )) s wall)"
}

mkdir -p "$out"
if [ "$only" != lsq ]; then
  train ring-ste-w2 --method ring-ste --ring-type triangle --ring-size 4 --ring-mode uniform
fi
if [ "$only" != ring ]; then
  train lsq-w2a2 --method lsq --bits 2 --act-bits 2 --act-quantizer lsq
fi
echo "\$ ./ringlab compare --runs-dir $out --digits 4"
./ringlab compare --runs-dir "$out" --digits 4 \
  --columns method,nominal_bits,act_bits,final_soft,final_snapped,final_snapped_bn,best_snapped,n,wall_s
