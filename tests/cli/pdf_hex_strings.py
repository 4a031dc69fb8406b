#!/usr/bin/env python3
"""Prints every UTF-16BE hex string (<FEFF…>) of an uncompressed PDF, decoded, one a line:
bookmark titles and the Info dictionary, which a byte scan for ASCII cannot see."""
import re
import sys

data = open(sys.argv[1], "rb").read()
for m in re.finditer(rb"<\s*(FEFF[0-9A-Fa-f\s]*)>", data, re.IGNORECASE):
    digits = re.sub(rb"\s", b"", m.group(1))
    if len(digits) % 4:
        continue
    print(bytes.fromhex(digits.decode()).decode("utf-16-be", "replace")[1:])
