#!/usr/bin/env bash
# Install dependencies, build, and compile the bundled example catalog into out/.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
EXAMPLE="examples/示范县"
./build/powerlist check "$EXAMPLE" --no-progress || true
./build/powerlist build "$EXAMPLE" -o out --internal
./build/powerlist audit "$EXAMPLE" -o out/audit/审核意见.html
echo
echo "完成。输出目录 / outputs: $(pwd)/out"
echo "  公开目录网站 / public site:   $(pwd)/out/site/index.html"
echo "  纸质目录 / printed catalog:    $(pwd)/out/catalog.pdf"
echo "  流程图 / flowcharts:           $(pwd)/out/flowcharts/"
echo "  数据导出 / export:             $(pwd)/out/catalog.json"
echo "  不予公开事项 / internal:       $(pwd)/out/internal/"
echo "  法制审核意见 / audit report:   $(pwd)/out/audit/审核意见.html (.pdf)"
