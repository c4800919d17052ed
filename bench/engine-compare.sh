#!/usr/bin/env bash
# The engine table in one command: the engine of commit 6bc0abc ("old") against this tree's ("new"),
# interleaved old/new rounds (fastest round kept), PyTorch 1.13 on the same configurations, then the
# Appendix B replay (10 epochs, our engine only) with both engines back to back. About 5 minutes on an
# idle 2-core machine. Options after the script name go to the table (see bench/README.md), e.g.
#   bench/engine-compare.sh --repeats 5 --out bench/results/engine-$(date -u +%F).md
# Environment: OLD_COMMIT (6bc0abc), SHARED (../shared or /work/shared), REPLAY=0 to skip the replay.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old_commit=${OLD_COMMIT:-6bc0abc}
shared=${SHARED:-$([ -d "$repo/../shared" ] && echo "$repo/../shared" || echo /work/shared)}
data="$shared/data/gspc_1927_2023_daily.csv"
old="${TMPDIR:-/tmp}/gantuner-engine-old-$old_commit"

if [ ! -d "$old" ]; then
  git -C "$repo" worktree add --detach "$old" "$old_commit" >/dev/null
fi
# The same bench source, built against the old engine (worker only: the old engine has no cost model).
rm -rf "$old/bench/GanTuner.EngineBench"
cp -r "$repo/bench/GanTuner.EngineBench" "$old/bench/"
rm -rf "$old/bench/GanTuner.EngineBench/bin" "$old/bench/GanTuner.EngineBench/obj"
dotnet build "$old/bench/GanTuner.EngineBench" -c Release -p:OldEngine=true -v q -nologo >/dev/null
dotnet build "$repo/bench/GanTuner.EngineBench" -c Release -v q -nologo >/dev/null
bin=bin/Release/net10.0
"$repo/bench/GanTuner.EngineBench/$bin/GanTuner.EngineBench" compare \
  --old "$old/bench/GanTuner.EngineBench/$bin/GanTuner.EngineBench" \
  --data "$data" --torch-script "$shared/anchors/torch_trial.py" "$@"

if [ "${REPLAY:-1}" != 0 ]; then
  dotnet build "$old/bench/GanTuner.Bench" -c Release -v q -nologo >/dev/null
  dotnet build "$repo/bench/GanTuner.Bench" -c Release -v q -nologo >/dev/null
  echo
  echo "Appendix B replay, 20 rows, 10 epochs, paper protocol, 2 threads, our engine only (load $(cut -d' ' -f1-3 /proc/loadavg)):"
  for engine in old new; do
    dir=$([ "$engine" = old ] && echo "$old" || echo "$repo")
    line=$("$dir/bench/GanTuner.Bench/$bin/GanTuner.Bench" --data "$data" --appendix "$shared/data/appendix_b.csv" --no-torch --threads 2 | grep '^ours: training')
    echo "  $engine: $line"
  done
  echo "  (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
fi
