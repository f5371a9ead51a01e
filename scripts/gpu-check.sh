#!/usr/bin/env bash
# Checks RingLab's GPU path on a machine with an NVIDIA GPU and a PyTorch installation (pip or conda):
# finds that PyTorch's libtorch, makes DJL load it (building DJL's PyTorch JNI against it when its
# version is not 2.7.1, the version of DJL 0.36.0's prebuilt JNI), runs `ringlab doctor` and one epoch
# of ResNet-20 ring 4 on a generated CIFAR-shaped folder on the GPU and on the CPU, and compares them.
# See README.md, section "GPU". Run from a RingLab folder that has target/ringlab.jar and target/lib,
# or from a bundle made with --bundle.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/gpu-check.sh [options]
  --python PY     Python that has torch (default: python3)
  --java DIR      Java runtime to use (DIR/bin/java; default: JAVA_HOME, else java on PATH)
  --djl-src DIR   DJL v0.36.0 source checkout; builds the JNI against the found libtorch when its
                  version is not 2.7.1 (needs a C++ compiler, CMake, a JDK with javac and jni.h)
  --work DIR      data, logs and run folders (default: target/gpu-check)
  --images N      training images in the generated CIFAR-shaped folder (default: 2000)
  --cpu-only      skip PyTorch and the GPU: doctor and the epoch on the CPU only, with DJL's bundled
                  CPU libtorch (so not from a --bundle): everything but the GPU, a dry run anywhere
  --bundle OUT    instead of checking: put a minimal Java runtime (jdeps + jlink; with javac and
                  jni.h), the CLI's jars (without the CPU libtorch), this script and, with
                  --djl-src, the DJL sources the JNI build needs into OUT, to copy to a GPU
                  machine without Java, and exit
  -h, --help      this text
EOF
}

die() { echo "gpu-check: $*" >&2; exit 1; }

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=python3
java_dir=""
djl_src=""
work="$home/target/gpu-check"
images=2000
cpu_only=0
bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python="${2:?--python needs a value}"; shift 2 ;;
    --java) java_dir="${2:?--java needs a value}"; shift 2 ;;
    --djl-src) djl_src="${2:?--djl-src needs a value}"; shift 2 ;;
    --work) work="${2:?--work needs a value}"; shift 2 ;;
    --images) images="${2:?--images needs a value}"; shift 2 ;;
    --cpu-only) cpu_only=1; shift ;;
    --bundle) bundle="${2:?--bundle needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "gpu-check: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$images" in ''|*[!0-9]*) die "--images must be a whole number, got '$images'" ;; esac
[ "$images" -ge 200 ] || die "--images must be at least 200 (got $images)"

if [ -n "$java_dir" ]; then
  [ -x "$java_dir/bin/java" ] || die "--java $java_dir: no bin/java there"
  export PATH="$java_dir/bin:$PATH"
elif [ -d "$home/jre" ] && [ -x "$home/jre/bin/java" ]; then
  export PATH="$home/jre/bin:$PATH"      # a bundle made with --bundle
elif [ -n "${JAVA_HOME:-}" ]; then
  export PATH="$JAVA_HOME/bin:$PATH"
fi
command -v java >/dev/null || die "no Java found: pass --java DIR (a runtime made with --bundle works)"
[ -f "$home/target/ringlab.jar" ] || die "$home/target/ringlab.jar not found: build with ./mvnw -q package -DskipTests"

# ---- --bundle: a Java runtime and the jars, for a machine without Java --------------------------
if [ -n "$bundle" ]; then
  command -v jdeps >/dev/null && command -v jlink >/dev/null || die "--bundle needs a JDK (jdeps, jlink)"
  [ ! -e "$bundle" ] || die "--bundle $bundle already exists; remove it or name another folder"
  # JavaFX and the CPU libtorch stay behind: the command line does not need the first, and a GPU
  # machine loads its own libtorch
  cp_jars="$(ls "$home"/target/lib/*.jar | grep -v -e pytorch-native-cpu -e javafx | tr '\n' :)"
  modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --class-path "$cp_jars" \
    "$home/target/ringlab.jar")"
  echo "modules: $modules"
  # jdk.compiler (javac) and the header files (jni.h) let DJL's JNI build run on the GPU machine too
  jlink --add-modules "$modules,jdk.compiler" --strip-debug --no-man-pages --compress=2 --output "$bundle/jre"
  mkdir -p "$bundle/target/lib" "$bundle/scripts"
  cp "$home/target/ringlab.jar" "$bundle/target/"
  for j in $(echo "$cp_jars" | tr : ' '); do cp "$j" "$bundle/target/lib/"; done
  cp "$home/ringlab" "$bundle/"
  cp "$home/scripts/gpu-check.sh" "$bundle/scripts/"
  if [ -n "$djl_src" ]; then
    # what DJL's JNI build reads: the native sources, the Java class javac -h makes the header of, djl/utils.h
    for part in engines/pytorch/pytorch-native engines/pytorch/pytorch-engine/src/main/java api/src/main/native; do
      [ -d "$djl_src/$part" ] || die "--djl-src $djl_src: no $part there"
      mkdir -p "$bundle/djl-src/$(dirname "$part")"
      cp -r "$djl_src/$part" "$bundle/djl-src/$part"
    done
    rm -rf "$bundle/djl-src/engines/pytorch/pytorch-native/build" "$bundle/djl-src/engines/pytorch/pytorch-native/libtorch"
  fi
  echo "runtime $(du -sh "$bundle/jre" | cut -f1), jars $(du -sh "$bundle/target" | cut -f1), bundle $(du -sh "$bundle" | cut -f1): $bundle"
  echo "on the GPU machine: $bundle/scripts/gpu-check.sh (it finds $bundle/jre by itself)"
  exit 0
fi

[ -n "$djl_src" ] || [ ! -d "$home/djl-src" ] || djl_src="$home/djl-src"   # a bundle made with --djl-src
mkdir -p "$work"
work="$(cd "$work" && pwd)"
ringlab() { "$home/ringlab" "$@"; }

# ---- the libtorch of the installed PyTorch ---------------------------------------------------------
if [ "$cpu_only" = 0 ]; then
  command -v "$python" >/dev/null || die "no $python found: install PyTorch with CUDA, pass --python, or use --cpu-only"
  info="$("$python" -c 'import os, torch
print(os.path.dirname(torch.__file__)); print(torch.__version__.split("+")[0])
print(torch.version.cuda or ""); print(torch.cuda.is_available())' 2>/dev/null)" \
    || die "$python cannot import torch: install PyTorch with CUDA, pass --python, or use --cpu-only"
  torch_dir="$(sed -n 1p <<<"$info")"; torch_version="$(sed -n 2p <<<"$info")"
  cuda="$(sed -n 3p <<<"$info")"; cuda_ok="$(sed -n 4p <<<"$info")"
  [ -n "$cuda" ] || die "PyTorch $torch_version at $torch_dir is a CPU-only build: install a CUDA build, or use --cpu-only"
  [ "$cuda_ok" = True ] || die "PyTorch $torch_version (CUDA $cuda) sees no GPU (torch.cuda.is_available() is False): check nvidia-smi and the driver"
  flavour="cu${cuda//./}"
  export PYTORCH_LIBRARY_PATH="$torch_dir/lib" PYTORCH_VERSION="$torch_version" PYTORCH_FLAVOR="$flavour"
  echo "PyTorch $torch_version, CUDA $cuda: PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH PYTORCH_FLAVOR=$flavour"

  # DJL 0.36.0 looks for the JNI in the libtorch folder, then in <cache>/pytorch/<version>-<flavour>-<classifier>/;
  # a self-built one goes to the cache, which leaves the PyTorch installation untouched
  cache="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
  cache="${ENGINE_CACHE_DIR:-$cache}/pytorch"
  jni="$cache/$torch_version-$flavour-linux-x86_64/0.36.0-libdjl_torch.so"
  if [ "$torch_version" != 2.7.1 ] && [ ! -f "$jni" ] && [ ! -f "$torch_dir/lib/0.36.0-libdjl_torch.so" ] \
      && [ ! -f "$torch_dir/lib/libdjl_torch.so" ]; then
    [ -n "$djl_src" ] || die "PyTorch $torch_version needs DJL's JNI built against it ($jni is missing): pass --djl-src DIR with DJL v0.36.0's sources (README, section GPU)"
    native="$djl_src/engines/pytorch/pytorch-native"
    [ -f "$native/build.sh" ] || die "--djl-src $djl_src: no engines/pytorch/pytorch-native/build.sh there"
    command -v cmake >/dev/null || die "building the JNI needs CMake (cmake not found)"
    command -v c++ >/dev/null || command -v g++ >/dev/null || die "building the JNI needs a C++ compiler (c++/g++ not found)"
    command -v javac >/dev/null || die "building the JNI needs a JDK (javac not found; a --bundle runtime has one)"
    jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    [ -f "$jdk/include/jni.h" ] || die "building the JNI needs the JDK headers ($jdk/include/jni.h not found)"
    echo "building DJL's PyTorch JNI against $torch_dir (log: $work/jni-build.log)"
    # DJL's build.sh downloads libtorch unless a libtorch/ folder is there: give it the installed one
    ( cd "$native" && ln -sfn "$torch_dir" libtorch && JAVA_HOME="$jdk" ./build.sh "$torch_version" "$flavour" ) \
      >"$work/jni-build.log" 2>&1 || die "the JNI build failed; the end of $work/jni-build.log says why"
    mkdir -p "$(dirname "$jni")"
    cp "$native/build/libdjl_torch.so" "$jni"
    echo "JNI: $jni"
  fi
else
  unset PYTORCH_LIBRARY_PATH PYTORCH_VERSION PYTORCH_FLAVOR
  echo "--cpu-only: DJL's bundled CPU libtorch, no GPU"
fi

# ---- doctor ----------------------------------------------------------------------------------------
echo "== ringlab doctor --config resnet20-ring4"
set +e
ringlab doctor --config resnet20-ring4 --steps 20 --batch 64 2>"$work/doctor.err" | tee "$work/doctor.txt"
doctor_rc=${PIPESTATUS[0]}
set -e
[ "$doctor_rc" = 0 ] || echo "gpu-check: doctor found a problem (exit $doctor_rc, its diagnosis lines above; stderr in $work/doctor.err)"

# ---- a CIFAR-shaped folder: CIFAR-10 binary layout, random pixels, fixed seed -------------------------
data="$work/cifar"
if [ ! -f "$data/test_batch.bin" ] || [ "$(cat "$data/images" 2>/dev/null)" != "$images" ]; then
  command -v "$python" >/dev/null || die "generating the data needs $python"
  mkdir -p "$data"
  "$python" - "$data" "$images" <<'EOF'
import os, random, sys
# one record: a label byte (0..9) and 3x32x32 pixel bytes, channel-major, as CIFAR-10's binary batches
folder, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(0)
def write(name, count):
    with open(os.path.join(folder, name), "wb") as f:
        for i in range(count):
            f.write(bytes([i % 10]) + rng.randbytes(3 * 32 * 32))
write("data_batch_1.bin", n)
write("test_batch.bin", max(100, n // 5))
EOF
  echo "$images" >"$data/images"
  echo "data: $data ($images training images, CIFAR-10 binary layout, random pixels)"
fi

# ---- one epoch of ResNet-20 ring 4 per device ----------------------------------------------------------
devices="cpu"
[ "$cpu_only" = 1 ] || devices="gpu cpu"
for d in $devices; do
  rm -rf "$work/run-$d"
  echo "== one epoch of ResNet-20 ring 4 on $d"
  ringlab train --data "$data" --model resnet20 --method ring --ring-size 4 --epochs 1 --batch-size 128 \
    --test-batch-size 500 --bn-recal-batches 2 --seed 1 --device "$d" --out "$work/run-$d" 2>"$work/train-$d.err" \
    | tee "$work/train-$d.txt" || die "training on $d failed; see $work/train-$d.err"
done

# ---- compare -------------------------------------------------------------------------------------------
col() { awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } NR > 1 && c { v = $c } END { print v }' "$work/run-$1/metrics.csv"; }
echo "== summary"
for d in $devices; do
  echo "$d: epoch train loss $(col "$d" train_loss), $(col "$d" images_per_s) images/s"
done
if [ "$cpu_only" = 0 ]; then
  gl="$(col gpu train_loss)"; cl="$(col cpu train_loss)"
  # each device initialises from its own random generator, so the epochs are only a rough check;
  # doctor's first-loss comparison above (same weights, same batch) is the exact one and sets the exit code
  awk -v g="$gl" -v c="$cl" 'BEGIN { d = g - c; if (d < 0) d = -d; printf "epoch train loss gpu %s, cpu %s, |difference| %.4f (different initial weights: a rough check)\n", g, c, d }'
fi
exit "$doctor_rc"
