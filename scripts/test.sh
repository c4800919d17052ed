#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine of this kind: installs what the tests need that the
# machine lacks (Chromium for the report page and the dashboard's browser test, a font for figure labels,
# Debian's Optuna for the export check, PostgreSQL for the store tests, which start a throwaway server of
# their own unless GANTUNER_TEST_POSTGRES names one), then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core fontconfig)
/usr/bin/python3 -c "import optuna" >/dev/null 2>&1 || need+=(python3-optuna)
if [ -z "${GANTUNER_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "scripts/test.sh: needs ${need[*]} (apt-get install -y ${need[*]}, as root)" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Every test host has ended when dotnet test returns: a throwaway PostgreSQL server whose owner died before its
# exit handler stopped it is stopped here (a server of a test run still going elsewhere is left alone).
stop_orphan_servers() {
  for owner in "${TMPDIR:-/tmp}"/gantuner-pg-*/owner.pid; do
    [ -f "$owner" ] || continue
    folder=$(dirname "$owner")
    if ! kill -0 "$(cat "$owner")" 2>/dev/null; then
      if [ -f "$folder/data/postmaster.pid" ]; then
        runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort | tail -1)/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
      fi
      rm -rf "$folder"
    fi
  done
}
# The same for the network namespaces (and their veth pairs) of the workers test, named gt<pid>x<n>.
remove_orphan_namespaces() {
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^gt[0-9]+x[0-9]+$'); do
    pid=${ns#gt}; pid=${pid%x*}
    if ! kill -0 "$pid" 2>/dev/null; then
      ip link del "${ns}h" 2>/dev/null || true
      ip netns del "$ns" 2>/dev/null || true
    fi
  done
}
status=0
dotnet test GanTuner.slnx -c Release "$@" || status=$?
stop_orphan_servers
remove_orphan_namespaces
[ "$status" -eq 0 ] || exit "$status"

# The samples are built by the solution; run both with small budgets and check what they print.
samples=$(mktemp -d)
trap 'rm -rf "$samples"' EXIT
dotnet samples/TuneYourFunction/bin/Release/net10.0/TuneYourFunction.dll 20 "$samples/f.db" | tee "$samples/f.txt"
grep -Eq '^best value [0-9.eE+-]+ after 20 trials, at x = ' "$samples/f.txt"
dotnet samples/TuneLstmOnCsv/bin/Release/net10.0/TuneLstmOnCsv.dll "" 3 1 "$samples/lstm" | tee "$samples/lstm.txt"
grep -q '300 rows of .*: 3 trials, status Finished' "$samples/lstm.txt"
test -s "$samples/lstm/best-model.json"
echo "scripts/test.sh: both samples ran"
