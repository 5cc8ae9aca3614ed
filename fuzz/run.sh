#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60). cargo-fuzz needs nightly features;
# RUSTC_BOOTSTRAP=1 lets the stable toolchain provide them.
# Usage: fuzz/run.sh [SECONDS]    (install once: cargo install cargo-fuzz)
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
for target in query extract; do
  mkdir -p "corpus/$target"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -O "corpus/$target" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096
done
