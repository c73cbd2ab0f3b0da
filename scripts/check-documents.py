#!/usr/bin/env python3
"""How well does `skillscan` read real PDF and DOCX résumés?

Usage: scripts/check-documents.py BIN DATA [--extracted DIR] [--min-recall R] [--max-extra E]

For every document listed in DATA/resumes/docs/MANIFEST.tsv (third-party, never committed),
runs `BIN scan --format json` on the document itself and on a reference text, and compares the
sets of skill ids found:
- the reference is the document's source (`source_file`: Markdown or text as is, LaTeX and
  RenderCV YAML with their markup stripped crudely below); for a document without a source,
  the output of `pdftotext` (poppler) when it is installed, marked `ref=pdftotext`;
- recall = skills found in both / skills found in the reference;
- extra = skills found in the document only / skills found in the document (1 - precision).

A document without a text layer (`has_text_layer` = no) must fail with the "run OCR first"
error; anything else counts as a failure.

With --extracted DIR, the document's text is read from DIR/<stem>.txt instead of being
extracted by BIN (used to compare PDF crates; see docs/pdf-extraction.md).

Prints one line per document, a line per format and the overall figures (micro-averaged over
skills). Exits 1 when overall recall on the PDFs is below --min-recall (default 0.95), extra
skills above --max-extra (default 0.02), or any document fails unexpectedly.
"""
import argparse
import collections
import csv
import json
import pathlib
import re
import shutil
import subprocess
import sys


def strip_latex(src: str) -> str:
    """The words of a LaTeX résumé: comments, the preamble (but for header macros such as
    \\name and \\position), command names and braces dropped; arguments kept."""
    src = re.sub(r"(?<!\\)%.*", "", src)
    head, _, body = src.partition(r"\begin{document}")
    body = body.split(r"\end{document}")[0]
    keep = re.findall(
        r"^\s*\\(?:name|position|address|quote|title|subtitle)\b.*$", head, flags=re.M
    )
    text = "\n".join(keep) + "\n" + body
    text = re.sub(r"\\(?:begin|end)\{[^}]*\}", " ", text)
    # Numeric arguments are layout (chart values, lengths), and a colour name is no text.
    text = re.sub(r"\{-?[\d.]+(?:pt|em|ex|cm|mm|in)?\}", " ", text)
    text = re.sub(r"\\(?:textcolor|colorbox)\{[^}]*\}", " ", text)
    text = re.sub(r"\\(?:includegraphics|usepackage|color|hspace|vspace|setlength|"
                  r"definecolor|faIcon|icon|fontsize|selectfont|rule)\*?(\[[^]]*\])?(\{[^}]*\})*",
                  " ", text)
    text = text.replace(r"\\", "\n").replace(r"\&", "&").replace(r"\%", "%").replace(r"\#", "#")
    text = text.replace(r"\_", "_").replace("--", "-").replace("~", " ")
    text = re.sub(r"\\[a-zA-Z@]+\*?(\[[^]]*\])?", " ", text)
    text = re.sub(r"[{}$]", " ", text)
    return text


def strip_rendercv(src: str) -> str:
    """The values of a RenderCV YAML file's `cv:` section (the `design:` settings and the
    keys themselves are not on the page)."""
    lines = []
    in_cv = False
    for line in src.splitlines():
        if re.match(r"^\S", line):
            in_cv = line.startswith("cv:")
            continue
        if not in_cv or line.strip().startswith("#"):
            continue
        m = re.match(r"^\s*(?:- )?(?:[A-Za-z_][\w ]*:)?\s*(.*)$", line)
        key_is_title = re.match(r"^\s{4}([A-Z][\w ]*):\s*$", line)
        value = key_is_title.group(1) if key_is_title else (m.group(1) if m else line)
        value = value.strip().strip("'\"")
        if value and not re.fullmatch(r"https?://\S+", value):
            lines.append(value)
    return "\n".join(lines)


def reference(docs: pathlib.Path, row: dict) -> tuple[str, str] | None:
    src = row["source_file"].strip()
    doc = docs / row["file"]
    if src:
        text = (docs / src).read_text(encoding="utf-8", errors="replace")
        if src.endswith(".tex"):
            return "source", strip_latex(text)
        if src.endswith((".yaml", ".yml")):
            return "source", strip_rendercv(text)
        return "source", text
    if doc.suffix == ".pdf" and shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(doc), "-"],
                             capture_output=True, check=True)
        return "pdftotext", out.stdout.decode("utf-8", "replace")
    return None


def skills(bin_: str, path: str | None, text: str | None = None) -> tuple[set[str] | None, str]:
    args = [bin_, "scan", "--format", "json", path or "-"]
    out = subprocess.run(args, input=(text or "").encode(), capture_output=True)
    if out.returncode != 0:
        return None, out.stderr.decode("utf-8", "replace").strip()
    doc = json.loads(out.stdout)
    return {s["id"] for s in doc["skills"]}, ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bin")
    ap.add_argument("data", type=pathlib.Path)
    ap.add_argument("--extracted", type=pathlib.Path)
    ap.add_argument("--min-recall", type=float, default=0.95)
    ap.add_argument("--max-extra", type=float, default=0.02)
    a = ap.parse_args()

    docs = a.data / "resumes/docs"
    rows = list(csv.DictReader(open(docs / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    totals = collections.defaultdict(lambda: [0, 0, 0, 0])  # ref, both, doc, extra
    failures = 0
    print(f"{'file':40} {'ref':9} {'ref#':>4} {'doc#':>4} {'recall':>7} {'extra':>6}  missed / extra")
    for row in rows:
        doc = docs / row["file"]
        fmt = doc.suffix.lstrip(".")
        if row["has_text_layer"].strip() == "no":
            found, err = skills(a.bin, str(doc))
            ok = found is None and "OCR" in err
            failures += not ok
            print(f"{row['file']:40} {'-':9} {'':>4} {'':>4} {'':>7} {'':>6}  "
                  f"{'expected error: ' if ok else 'UNEXPECTED: '}{err or found}")
            continue
        ref = reference(docs, row)
        if ref is None:
            print(f"{row['file']:40} no reference (install pdftotext); skipped")
            continue
        kind, ref_text = ref
        want, _ = skills(a.bin, None, ref_text)
        if a.extracted and fmt == "pdf":
            found, err = skills(a.bin, None, (a.extracted / f"{doc.stem}.txt").read_text())
        else:
            found, err = skills(a.bin, str(doc))
        if found is None:
            failures += 1
            print(f"{row['file']:40} FAILED: {err}")
            continue
        both, extra = want & found, found - want
        for key in (fmt, f"{fmt} ({kind})", "all"):
            t = totals[key]
            t[0] += len(want)
            t[1] += len(both)
            t[2] += len(found)
            t[3] += len(extra)
        recall = len(both) / len(want) if want else 1.0
        extra_pct = len(extra) / len(found) if found else 0.0
        missed = ",".join(sorted(want - found)) or "-"
        print(f"{row['file']:40} {kind:9} {len(want):4} {len(found):4} {recall:7.1%} "
              f"{extra_pct:6.1%}  -{missed} +{','.join(sorted(extra)) or '-'}")

    print()
    print(f"{'format':40} {'ref#':>14} {'doc#':>4} {'recall':>7} {'extra':>6}")
    for key in sorted(totals):
        ref_n, both, doc_n, extra = totals[key]
        print(f"{key:40} {ref_n:14} {doc_n:4} {both / max(ref_n, 1):7.1%} "
              f"{extra / max(doc_n, 1):6.1%}")
    pdf = totals["pdf"]
    recall = pdf[1] / max(pdf[0], 1)
    extra = pdf[3] / max(pdf[2], 1)
    ok = recall >= a.min_recall and extra <= a.max_extra and failures == 0
    print(f"\nPDF gate: recall {recall:.1%} >= {a.min_recall:.0%}, extra {extra:.1%} <= "
          f"{a.max_extra:.0%}, unexpected failures {failures} == 0: {'pass' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
