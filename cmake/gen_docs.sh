#!/bin/sh
# Writes the man page and shell completions from the built binary's own help (cmake/Install.cmake).
# usage: gen_docs.sh POWERLIST OUT_DIR
set -eu
mkdir -p "$2"
LANG=zh_CN.UTF-8 "$1" man | gzip -9n > "$2/powerlist.1.gz"
"$1" completion bash > "$2/powerlist.bash"
"$1" completion zsh > "$2/_powerlist"
