#!/usr/bin/env bash
# Install dependencies, build, and compile the bundled example catalog into out/.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
EXAMPLE="examples/示范县"
./build/powerlist check "$EXAMPLE" --no-progress || true
./build/powerlist build "$EXAMPLE" -o out
echo
echo "完成。输出目录 / outputs: $(pwd)/out"
ls out
