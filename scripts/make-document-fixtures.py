#!/usr/bin/env python3
"""Regenerates tests/fixtures/documents/ from our own samples (samples/resumes, samples/postings).

Usage: scripts/make-document-fixtures.py

Needs: pip install fpdf2 python-docx; pdftoppm (poppler-utils) for the scanned PDF; the DejaVu
Sans font (fonts-dejavu-core) so the PDFs embed a Unicode TrueType subset with a ToUnicode map,
as word processors do. The HTML posting is written by hand and not regenerated here.

- data-scientist.pdf: one column, wrapped lines, bullets.
- ml-engineer-two-column.pdf: a skills sidebar beside the experience, drawn row by row so the
  two columns interleave in the content stream, as many résumé templates do.
- data-scientist-scanned.pdf: page 1 of data-scientist.pdf rasterised at 50 dpi: no text layer.
- data-engineer.docx: paragraphs, a skills table, a page header and footer.
"""
import pathlib
import re
import subprocess
import tempfile

import docx
from fpdf import FPDF

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/fixtures/documents"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=9.5)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    return pdf


def markdown_plain(line: str) -> str:
    line = re.sub(r"^#+\s*", "", line)
    return line.replace("**", "").replace("*", "")


def one_column(src: pathlib.Path, dst: pathlib.Path) -> None:
    pdf = new_pdf()
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            pdf.ln(3)
            continue
        pdf.multi_cell(0, 4.6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(dst))


def two_column(src: pathlib.Path, dst: pathlib.Path) -> None:
    text = src.read_text(encoding="utf-8")
    head, rest = text.split("## Skills", 1)
    skills, body = rest.split("## Experience", 1)
    left = ["SKILLS"] + [markdown_plain(l).lstrip("- ") for l in skills.splitlines() if l.strip()]
    right = [markdown_plain(l) for l in ("## Experience" + body).splitlines() if l.strip()]
    pdf = new_pdf()
    for line in head.splitlines():
        if line.strip():
            pdf.multi_cell(0, 4.6, markdown_plain(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    # Wrap both columns first, then draw them row by row.
    def wrap(lines, width):
        out = []
        for l in lines:
            out += pdf.multi_cell(width, 4.4, l, dry_run=True, output="LINES") or [""]
        return out
    lcol, rcol = wrap(left, 52), wrap(right, 118)
    x0 = pdf.l_margin
    for i in range(max(len(lcol), len(rcol))):
        if pdf.get_y() > 280:
            pdf.add_page()
        y = pdf.get_y()
        if i < len(lcol):
            pdf.set_xy(x0, y)
            pdf.cell(52, 4.4, lcol[i])
        if i < len(rcol):
            pdf.set_xy(x0 + 58, y)
            pdf.cell(118, 4.4, rcol[i])
        pdf.set_xy(x0, y + 4.4)
    pdf.output(str(dst))


def scanned(pdf_path: pathlib.Path, dst: pathlib.Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "50", "-gray", "-jpeg", "-f", "1", "-l", "1",
                        str(pdf_path), f"{tmp}/page"], check=True)
        page = next(pathlib.Path(tmp).glob("page*.jpg"))
        pdf = FPDF(format="A4")
        pdf.add_page()
        pdf.image(str(page), x=0, y=0, w=210, h=297)
        pdf.output(str(dst))


def word(src: pathlib.Path, dst: pathlib.Path) -> None:
    lines = src.read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    d.core_properties.author = "skillscan fixtures"
    section = d.sections[0]
    section.header.paragraphs[0].text = lines[0].strip() + " · " + lines[1].strip()
    section.footer.paragraphs[0].text = "References available on request"
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "CORE SKILLS":
            d.add_heading("Core skills", level=2)
            table = d.add_table(rows=0, cols=2)
            i += 1
            while i < len(lines) and ":" in lines[i]:
                area, items = lines[i].split(":", 1)
                cells = table.add_row().cells
                cells[0].text = area.strip()
                cells[1].text = items.strip()
                i += 1
            continue
        if line.startswith("- "):
            d.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            d.add_paragraph(line)
        i += 1
    d.save(str(dst))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    resumes = ROOT / "samples/resumes"
    one_column(resumes / "data-scientist.txt", OUT / "data-scientist.pdf")
    two_column(resumes / "ml-engineer.md", OUT / "ml-engineer-two-column.pdf")
    scanned(OUT / "data-scientist.pdf", OUT / "data-scientist-scanned.pdf")
    word(resumes / "data-engineer.txt", OUT / "data-engineer.docx")
    for p in sorted(OUT.iterdir()):
        print(f"{p.stat().st_size:8} {p.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
