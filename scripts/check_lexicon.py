#!/usr/bin/env python3
"""Quick structural check of lexicon/skills/*.toml, for editing sessions.

The authoritative check is the Rust one (`cargo test`, `skillscan lexicon check`); this script
exists so the data can be checked without building. Usage: scripts/check_lexicon.py [--strict]
With --strict, an `implies` id that resolves nowhere is an error (otherwise a warning).
"""
import re, sys, tomllib, unicodedata, pathlib, collections

CATEGORIES = set("""programming-language software-engineering database data-engineering big-data cloud
cloud-ml devops mlops machine-learning ml-algorithm deep-learning nlp computer-vision generative-ai
reinforcement-learning ml-framework data-library visualization bi-analytics mathematics statistics
responsible-ai business soft-skill certification""".split())
TIERS = {"foundation", "fundamentals", "tools", "advanced"}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"[-\u2010-\u2015_]", " ", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def main():
    strict = "--strict" in sys.argv
    root = pathlib.Path(__file__).resolve().parent.parent / "lexicon" / "skills"
    errors, warnings = [], []
    skills = {}
    forms = collections.defaultdict(set)
    nforms = 0
    for path in sorted(root.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except Exception as e:
            errors.append(f"{path.name}: TOML error: {e}")
            continue
        for s in data.get("skill", []):
            sid = s.get("id", "?")
            where = f"{path.name}: skill '{sid}'"
            for key in ("id", "name", "category", "tier"):
                if key not in s:
                    errors.append(f"{where}: missing '{key}'")
            unknown = set(s) - {"id", "name", "category", "tier", "aliases", "implies", "onet", "esco", "so_tag", "ambiguous"}
            if unknown:
                errors.append(f"{where}: unknown fields {sorted(unknown)}")
            if not ID.match(sid):
                errors.append(f"{where}: id is not kebab-case")
            if sid in skills:
                errors.append(f"{where}: duplicate id (also in {skills[sid][0]})")
            skills[sid] = (path.name, s)
            if s.get("category") not in CATEGORIES:
                errors.append(f"{where}: unknown category {s.get('category')!r}")
            if s.get("tier") not in TIERS:
                errors.append(f"{where}: unknown tier {s.get('tier')!r}")
            amb = s.get("ambiguous", {})
            unknown = set(amb) - {"forms", "case_sensitive", "near", "window", "list_ok", "not_in"}
            if unknown:
                errors.append(f"{where}: unknown ambiguous fields {sorted(unknown)}")
            amb_forms = amb.get("forms", [])
            amb_norm = {norm(f) for f in amb_forms}
            own = list(s.get("aliases", [])) + list(amb_forms)
            if norm(s.get("name", "")) not in amb_norm:
                own.append(s.get("name", ""))
            seen = set()
            for f in own:
                n = norm(f)
                if not n:
                    errors.append(f"{where}: empty form {f!r}")
                    continue
                if n in seen:
                    errors.append(f"{where}: form {f!r} listed twice (after normalisation; name counts as a form)")
                    continue
                seen.add(n)
                forms[n].add(sid)
                nforms += 1
            for phrase in amb.get("not_in", []):
                if not any(norm(f).lower() in norm(phrase).lower() for f in amb_forms):
                    errors.append(f"{where}: not_in phrase {phrase!r} contains none of the ambiguous forms")
    for n, ids in sorted(forms.items()):
        if len(ids) > 1:
            errors.append(f"form {n!r} belongs to several skills: {sorted(ids)} ({', '.join(sorted({skills[i][0] for i in ids}))})")
    for sid, (fname, s) in skills.items():
        for p in s.get("implies", []):
            if p == sid:
                errors.append(f"{fname}: skill '{sid}': implies itself")
            elif p not in skills:
                (errors if strict else warnings).append(f"{fname}: skill '{sid}': implies unknown id '{p}'")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    per_file = collections.Counter(f for f, _ in skills.values())
    print(f"{len(skills)} skills, {nforms} surface forms; per file: {dict(sorted(per_file.items()))}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
