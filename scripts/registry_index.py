"""The project's law registry (catalogs/laws/*.yaml) as the derivation scripts need it:
every instrument's level, version dates and repeal, and an index from each name and alias
(whitespace and the 中华人民共和国 prefix dropped) to the instrument's name."""
import os
import re

import yaml


def norm(name):
    return re.sub(r"^中华人民共和国", "", re.sub(r"\s+", "", name))


def load_registry(laws_dir, skip=()):
    """→ (entries {name: {name, level, versions [dates], repealed}}, index {norm(name): name});
    the files named in `skip` (a script's own output) are left out."""
    entries, index = {}, {}
    for f in sorted(os.listdir(laws_dir)):
        if not f.endswith(".yaml") or f in skip:
            continue
        for e in yaml.safe_load(open(os.path.join(laws_dir, f), encoding="utf-8")) or []:
            name = e["name"]
            cur = entries.setdefault(name, {"name": name, "level": e.get("level"),
                                            "versions": [], "repealed": None})
            cur["versions"] += [str(v["date"]) for v in e.get("versions") or []]
            if e.get("repealed"):
                cur["repealed"] = e["repealed"]
            for key in [name] + list(e.get("aliases") or []):
                index.setdefault(norm(key), name)
    return entries, index
