#!/usr/bin/env python3
"""Check samples/structure/gold.jsonl (the issue-6 document-structure gold).

Every line must parse; every file must exist; every `at` anchor must be found, in order,
in its file; section names, degree levels and field ids must come from the vocabulary in
samples/structure/README.md; skill ids must exist in the lexicon; years entries must be
well formed. With --scanner, also report (not fail on) posting skills that the scanner finds
but the gold neither labels nor lists as false positives, and labelled skills it does not find.

Usage: scripts/check-structure-gold.py [--skillscan PATH] [--scanner] [GOLD]
"""
import argparse, json, os, subprocess, sys

POSTING_SECTIONS = {"about", "responsibilities", "requirements", "preferred", "benefits", "legal", "none"}
RESUME_SECTIONS = {"summary", "skills", "experience", "projects", "education", "certifications",
                   "publications", "other", "none"}
STRENGTHS = {"required", "preferred", "mentioned"}
LEVELS = {"high-school", "associate", "bachelor", "master", "phd"}
FIELDS = {"computer-science", "statistics", "mathematics", "applied-mathematics", "physics", "engineering",
          "electrical-engineering", "mechanical-engineering", "data-science", "economics",
          "operations-research", "information-systems", "information-technology", "business", "finance",
          "bioinformatics", "biology", "chemistry", "quantitative", "related",
          # added for this gold set (see samples/structure/README.md)
          "linguistics", "computational-linguistics", "machine-learning", "public-health",
          "health-informatics", "financial-engineering", "biomedical-engineering", "computer-engineering",
          "education", "psychology"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default="samples/structure/gold.jsonl")
    ap.add_argument("--skillscan", default=os.environ.get("SKILLSCAN", "target/release/skillscan"))
    ap.add_argument("--scanner", action="store_true", help="compare posting skills with the scanner's output")
    a = ap.parse_args()
    # The repository root: the parent of the nearest `samples` folder above the gold file
    # (samples/structure/gold.jsonl and samples/structure/holdout/gold.jsonl both work).
    root = os.path.dirname(os.path.abspath(a.gold))
    while os.path.basename(root) != "samples" and os.path.dirname(root) != root:
        root = os.path.dirname(root)
    root = os.path.dirname(root) if os.path.basename(root) == "samples" else os.path.dirname(os.path.abspath(a.gold))
    ids = {l.split("\t")[0] for l in subprocess.run([a.skillscan, "lexicon", "list"], capture_output=True,
                                                     text=True, check=True).stdout.splitlines() if l}
    errors, seen = [], set()
    counts = dict(postings=0, resumes=0, anchors=0, skills=0, years=0, degrees=0)

    def err(n, msg):
        errors.append(f"{a.gold}:{n}: {msg}")

    for n, line in enumerate(open(a.gold, encoding="utf-8"), 1):
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            err(n, f"bad JSON: {e}")
            continue
        f, kind = d.get("file"), d.get("kind")
        if f in seen:
            err(n, f"duplicate file {f}")
        seen.add(f)
        path = os.path.join(root, f or "")
        if not f or not os.path.isfile(path):
            err(n, f"missing file {f}")
            continue
        text = open(path, encoding="utf-8").read()
        if kind not in ("posting", "resume"):
            err(n, f"bad kind {kind}")
            continue
        counts["postings" if kind == "posting" else "resumes"] += 1
        vocab = POSTING_SECTIONS if kind == "posting" else RESUME_SECTIONS
        pos = 0
        for s in d.get("sections", []):
            at, sec = s.get("at"), s.get("section")
            if sec not in vocab:
                err(n, f"section {sec!r} not in the {kind} vocabulary")
            i = text.find(at, pos) if at else -1
            if i < 0:
                err(n, f"anchor {at!r} not found after offset {pos}")
            else:
                pos = i + len(at)
            counts["anchors"] += 1
        deg = d.get("degree")
        if deg is not None:
            counts["degrees"] += 1
            if deg.get("level") not in LEVELS:
                err(n, f"degree level {deg.get('level')!r}")
            for fld in deg.get("fields", []):
                if fld not in FIELDS:
                    err(n, f"unknown degree field {fld!r}")
        if kind == "posting":
            sk = d.get("skills", {})
            for sid, st in sk.items():
                if sid not in ids:
                    err(n, f"unknown skill id {sid!r}")
                if st not in STRENGTHS:
                    err(n, f"bad strength {st!r} for {sid}")
            counts["skills"] += len(sk)
            for fp in d.get("false_positives", []):
                if fp not in ids:
                    err(n, f"unknown false-positive id {fp!r}")
                if fp in sk:
                    err(n, f"{fp} is both labelled and a false positive")
            for y in d.get("years", []):
                counts["years"] += 1
                if set(y) - {"skill", "min", "max"} or "skill" not in y or "min" not in y:
                    err(n, f"malformed years entry {y}")
                    continue
                if y["skill"] is not None and y["skill"] not in ids:
                    err(n, f"unknown years skill {y['skill']!r}")
                if not isinstance(y["min"], (int, float)) or y["min"] < 0:
                    err(n, f"bad min in {y}")
                if "max" in y and (not isinstance(y["max"], (int, float)) or y["max"] < y["min"]):
                    err(n, f"bad max in {y}")
            if a.scanner:
                out = subprocess.run([a.skillscan, "scan", "-f", "json", path], capture_output=True, text=True).stdout
                found = {s["id"] for s in json.loads(out)["skills"]}
                labelled = set(sk) | set(d.get("false_positives", []))
                for sid in sorted(found - labelled):
                    print(f"note: {f}: scanner finds {sid}, gold has no label")
                for sid in sorted(set(sk) - found):
                    print(f"note: {f}: gold labels {sid}, scanner does not find it")
        else:
            if d.get("as_of") is None or not isinstance(d.get("total_years"), (int, float)):
                err(n, "resume needs as_of and a numeric total_years")
            for sid, v in d.get("skill_years", {}).items():
                if sid not in ids:
                    err(n, f"unknown skill id {sid!r} in skill_years")
                if not isinstance(v, (int, float)) or v < 0 or v > d.get("total_years", 0) + 1e-9:
                    err(n, f"skill_years {sid}={v} is not within 0..total_years")
    for e in errors:
        print(e, file=sys.stderr)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
