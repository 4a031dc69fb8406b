#!/usr/bin/env bash
# catalogs/laws/text-repeals.yaml is what scripts/derive_text_repeals.py derives from the
# registry's own texts (a later instrument's 附则: "…《X》同时废止"), and the registry accepts it.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$SRC"
/usr/bin/python3 scripts/derive_text_repeals.py --out "$tmp/text-repeals.yaml" --report "$tmp/skipped.tsv" 2> "$tmp/log"
diff -u catalogs/laws/text-repeals.yaml "$tmp/text-repeals.yaml" || { echo "FAIL: text-repeals.yaml is stale; rerun scripts/derive_text_repeals.py"; exit 1; }
"$BIN" law check catalogs/laws/text-repeals.yaml > /dev/null
# Every mention is either taken or listed with its reason.
grep -q "repeals taken" "$tmp/log"
test -s "$tmp/skipped.tsv"
echo "ok: $(cat "$tmp/log")"
