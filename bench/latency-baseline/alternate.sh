#!/bin/bash
# alternate.sh N [NEW_WORKTREE] [BASE_WORKTREE] [SET_FOLDER]: issue 13's latency budget, 3492d80 against the new code.
# Runs bench/answers/run.ts alternately in the base worktree (3492d80 + bench/latency-baseline/harness.patch (from the repo of the new code)) and the
# new one, N pairs, each run a fresh process (PGlite, local model), FRONTDESK_TIMING=1, and appends one line a run to
# $LOG (default /tmp/speed-runs.log): UTC, load (1-min average before and after), which, CPU ms/answer, runs/answer, chat p50,
# answered/declined. BASE_ARGS="--warm": the base warms its answering as main does at start (harness option).
# Base set-up (once): /work/wt/setup.sh speed-base --detach 3492d80; cd /work/wt/speed-base;
#   git apply bench/latency-baseline/harness.patch (from the repo of the new code); npm run generate -w @frontdesk/db
set -u
N=${1:-3}
NEW=${2:-/work/wt/speed}
BASE=${3:-/work/wt/speed-base}
SET=${4:-/work/wt/shared/data/answers/harbor-dental}
LOG=${LOG:-/tmp/speed-runs.log}
# COLD_TOO=1: each pair also runs the new worktree with --cold (no answering warm-up at start; bench:answers since
# session 20 warms answering as the API server does).
run() { # $1 label, $2 worktree, $3… extra arguments of run.ts
  local before after out
  before=$(cut -d' ' -f1 /proc/loadavg)
  local started; started=$(date -u +%H:%M:%S)
  local label=$1 tree=$2; shift 2
  out=$(cd "$tree" && FRONTDESK_TIMING=1 nice -n 10 npx tsx bench/answers/run.ts "$SET" --show none "$@" 2>&1)
  after=$(cut -d' ' -f1 /proc/loadavg)
  local cpu runs p50 score
  cpu=$(grep -m1 'ms/answer  CPU of the process' <<<"$out" | awk '{print $1}')
  runs=$(grep -m1 'runs/answer' <<<"$out" | awk '{print $1}')
  p50=$(grep -m1 'chat p50' <<<"$out" | awk '{print $1}')
  score=$(tail -1 <<<"$out" | python3 -c 'import json,sys; s=json.loads(sys.stdin.read()); print("%d/%d %d/%d" % (s["correct"], s["answerable"], s["declined"], s["unanswerable"]))' 2>/dev/null || echo "error")
  echo "$started load $before-$after $label $(git -C "$tree" rev-parse --short HEAD)$(git -C "$tree" diff --quiet HEAD || echo +changes) cpu $cpu runs $runs p50 $p50 score $score" | tee -a "$LOG"
}
for i in $(seq 1 "$N"); do
  run base "$BASE" ${BASE_ARGS:-}
  run new "$NEW"
  [ "${COLD_TOO:-}" = 1 ] && run new-cold "$NEW" --cold
done
