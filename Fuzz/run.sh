#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs one.
#   Fuzz/run.sh --list              the targets, one per line
#   Fuzz/run.sh --build             build only (then SMI_FUZZ_PREBUILT=1 skips the build)
#   Fuzz/run.sh TARGET SECONDS      fuzz TARGET for SECONDS; exits non-zero on a crash, leak,
#                                   timeout or broken property, and keeps the reproducer in
#                                   Fuzz/regressions/TARGET/ (replayed by swift test)
# Seeds: the examples, the golden inputs, ../shared/corpus/yaml-test-suite and the
# regressions; the growing corpus stays in Fuzz/corpus/TARGET (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=(yaml pipeline regex)

if [ "${1:-}" = "--list" ]; then printf '%s\n' "${targets[@]}"; exit 0; fi

# One build serves every target (the target is chosen at run time by SMI_FUZZ_TARGET). lld,
# because gold cannot link the sanitizer runtime here.
scratch="$root/.build-fuzz"
build() {
  swift build -c release --product smi-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld 2>&1 | tail -n 1 >&2
}
if [ "${1:-}" = "--build" ]; then build; exit 0; fi

target=${1:-}
seconds=${2:-}
if [[ ! " ${targets[*]} " =~ " ${target} " ]] || ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: Fuzz/run.sh TARGET SECONDS | --list | --build   (targets: ${targets[*]})" >&2
  exit 2
fi
[ -n "${SMI_FUZZ_PREBUILT:-}" ] || build
binary="$scratch/release/smi-fuzz"

corpus="$root/Fuzz/corpus/$target"
seeds="$root/Fuzz/corpus/$target-seeds"
artifacts="$root/Fuzz/artifacts/$target"
mkdir -p "$corpus" "$seeds" "$artifacts" "$root/Fuzz/regressions/$target"
if [ "$target" = regex ]; then
  # Patterns from the golden inputs and examples, one per file.
  grep -rhoE '(pathRegex|[a-z-]+): "?[^"]*[][()|*+?\\^$][^"]*"?$' Examples Tests/*/Golden 2>/dev/null \
    | sed -E 's/^[^:]+: "?//; s/"$//' | sort -u | awk 'NR <= 500' \
    | awk -v dir="$seeds" '{ f = sprintf("%s/seed-%04d", dir, NR); printf "%s\n/api/v1\n", $0 > f; close(f) }'
else
  find Examples Tests -name '*.yaml' -path '*Examples*' -o -name input.yaml -path '*Golden*' | while read -r f; do
    cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"
  done
  if [ -d ../shared/corpus/yaml-test-suite ]; then
    for d in ../shared/corpus/yaml-test-suite/*/; do
      [ -f "$d/in.yaml" ] && cp "$d/in.yaml" "$seeds/suite-$(basename "$d").yaml"
    done
  fi
fi

status=0
SMI_FUZZ_TARGET="$target" "$binary" "$corpus" "$seeds" "$root/Fuzz/regressions/$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" -close_fd_mask=1 2> "$artifacts/log" || status=$?
grep -E '^stat::number_of_executed_units|^Done|ERROR|SUMMARY|smi-fuzz' "$artifacts/log" | sed "s/^/$target: /" || true
if [ "$status" -ne 0 ]; then
  for found in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -f "$found" ] || continue
    cp "$found" "$root/Fuzz/regressions/$target/"
    echo "$target: reproducer kept as Fuzz/regressions/$target/$(basename "$found")"
  done
  tail -n 40 "$artifacts/log" >&2
  exit 1
fi
