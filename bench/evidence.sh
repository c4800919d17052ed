#!/usr/bin/env bash
# Issue 16's evidence: every tuner of the final system on the LSTM, budget 20 over 10 seeds, on the embedded
# S&P 500 and on a series that persistence can be beaten on (Seattle's daily maximum temperature, NOAA, as the
# npm package vega-datasets 3.2.1 ships it). Resumable: every (tuner, seed) run is a study in a store kept
# outside the repository, so running the same command again carries on where a cut-off run stopped.
#
#   bench/evidence.sh sp500|seattle [TUNERS]      # default TUNERS: every tuner and gan ablation below
#
# Environment: LABEL (all: the name of this call's summary files), STORE_DIR (/work/wt/evidence: stores, outputs and a private copy of the CLI), SEEDS (10),
# PARALLEL (2 studies at once, one thread each), PRUNER (median), BIN (a built gantuner; default: this tree's,
# copied into STORE_DIR/bin at first use so a rebuild of the tree cannot change a running comparison; the commit
# it was built from is kept beside it in COMMIT, and the log names that commit).
# After each call the summaries (not the stores) are copied to bench/results/evidence-<series>/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
series=${1:?usage: bench/evidence.sh sp500|seattle [TUNERS]}
tuners=${2:-gan,gan-paper,tpe,gp,random,gan-no-injection,gan-no-generator,gan-no-perturbation,gan-no-prior,gan-no-weighting,gan-no-region}
store_dir=${STORE_DIR:-/work/wt/evidence}
seeds=${SEEDS:-10}
label=${LABEL:-all}
parallel=${PARALLEL:-2}
pruner=${PRUNER:-median}
mkdir -p "$store_dir"
if [ -z "${BIN:-}" ]; then
  if [ ! -x "$store_dir/bin/gantuner" ]; then
    dotnet build "$repo/src/GanTuner.Cli" -c Release -v q -nologo >/dev/null
    rm -rf "$store_dir/bin" && cp -r "$repo/src/GanTuner.Cli/bin/Release/net10.0" "$store_dir/bin"
    git -C "$repo" describe --always --dirty > "$store_dir/bin/COMMIT"
  fi
  BIN="$store_dir/bin/gantuner"
fi
built=$(cat "$(dirname "$BIN")/COMMIT" 2>/dev/null || echo "unknown (BIN given)")
if [ "$built" != "$(git -C "$repo" describe --always --dirty)" ]; then
  echo "bench/evidence.sh: running the CLI built from $built, not this tree's $(git -C "$repo" describe --always --dirty)" >&2
fi

data=()
case "$series" in
  sp500) ;;
  seattle)
    csv="$store_dir/seattle_temp_max_k.csv"
    if [ ! -s "$csv" ]; then
      # Prices must be positive, so the temperature is in kelvin (°C + 273.15).
      tgz=$(cd "$store_dir" && npm pack vega-datasets@3.2.1 --silent)
      tar -xzf "$store_dir/$tgz" -C "$store_dir" package/data/seattle-weather.csv
      awk -F, 'NR == 1 { print "date,close"; next } { printf "%s,%.2f\n", $1, $3 + 273.15 }' \
        "$store_dir/package/data/seattle-weather.csv" > "$csv.tmp" && mv "$csv.tmp" "$csv"
    fi
    data=(--data "$csv")
    ;;
  *) echo "bench/evidence.sh: unknown series '$series' (sp500 or seattle)" >&2; exit 2 ;;
esac

out="$store_dir/$series-out"
command=(compare --objective lstm "${data[@]}" --tuners "$tuners" --budget 20 --seeds "$seeds"
  --pruner "$pruner" --parallel "$parallel" --threads "$parallel" --storage "$store_dir/$series.db" --out "$out")
started=$(date -u '+%F %H:%M UTC')
status=0
"$BIN" "${command[@]}" || status=$?

results="$repo/bench/results/evidence-$series"
mkdir -p "$results"
for f in summary.csv summary.json runs.csv; do
  [ -f "$out/$f" ] && cp "$out/$f" "$results/$label.$f" 2>/dev/null || true
done
{
  echo "$label: gantuner ${command[*]//$store_dir/STORE_DIR}"
  echo "started $started, ended $(date -u '+%F %H:%M UTC'), exit $status, load $(cut -d' ' -f1-3 /proc/loadavg), CLI built from $built"
} >> "$results/commands.txt"
exit "$status"
