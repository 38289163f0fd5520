#!/bin/bash
# Queues N Hamkor workers as a job array and, once all of them succeeded, the merge step.
#   deploy/slurm/submit.sh N /shared/reports/RUN [JOBFILE]
set -euo pipefail
N=${1:?number of workers}
OUT=${2:?shared output folder of this run}
JOBS=${3:-/etc/hamkor/jobs.yaml}
HERE=$(dirname "$0")
# One epoch for every task: the same {date} everywhere, byte-identical files on retry.
EPOCH=$(date +%s)
array=$(sbatch --parsable --array=0-$((N - 1)) \
  --export=ALL,HAMKOR_OUT="$OUT",HAMKOR_JOBS="$JOBS",SOURCE_DATE_EPOCH="$EPOCH" "$HERE/hamkor-array.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" --job-name=hamkor-merge --time=00:30:00 \
  --output=hamkor-merge-%j.log --wrap "hamkor manifest merge '$OUT' && hamkor manifest verify '$OUT'")
echo "workers: job array $array (N=$N); merge: job $merge; output: $OUT"
