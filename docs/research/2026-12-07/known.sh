#!/bin/sh
# Reads instrument names (one a line) on stdin; prints KNOWN/UNKNOWN<TAB>name as powerlist's registry
# (with 新疆维吾尔自治区克拉玛依市's local legislation) finds them. Cheap: one lookup a name.
while IFS= read -r name; do
  [ -z "$name" ] && continue
  out=$(/work/research/powerlist law show "$name" 1 --region 新疆维吾尔自治区克拉玛依市 2>&1 | head -1)
  case "$out" in
    *法规库中没有*) echo "UNKNOWN	$name";;
    *) echo "KNOWN	$name	$(echo "$out" | cut -c1-80)";;
  esac
done
