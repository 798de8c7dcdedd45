"""The bundled sample data and targets.yaml, broken so that `pqp validate` finds at least one
problem of every `problem` code of the catalogue, in a two-commit git repository (the sample,
then the breakage) for `pqp diff`. Used by tests/test_vi_everywhere.py (no English
anywhere), test_vi_formats.py (each format's conventions) and test_vi_wording.py (single messages),
with the helpers they share: `pqp` (a command under `--lang vi`) and `docx_text`."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

from gitrepo import GIT
from lxml import etree
from typer.testing import CliRunner

from pqp_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]

#: New files under data/: each breaks the data one way (a comment names the code it triggers).
BROKEN: dict[str, str | bytes] = {
    # yaml-syntax, three of libyaml's texts
    "trainings/tab.yaml": "- id: TR-TAB\n\ttitle: Lớp có tab\n",
    "trainings/colon.yaml": "- id: TR-COLON\n  title: Lớp: học 5S\n",
    "trainings/at.yaml": "- id: @TR-AT\n",
    "trainings/quote.yaml": '- id: TR-Q\n  title: "Lớp chưa đóng ngoặc\n  date: 2022-01-01\n',
    # encoding
    "trainings/cp1258.yaml": b"- id: TR-CP\n  title: L\xe0m\n",
    # unsupported-yaml
    "trainings/anchor.yaml": "- id: TR-A1\n  topics: &t [standards]\n- id: TR-A2\n  topics: *t\n",
    # not-a-list
    "trainings/mapping.yaml": "id: TR-MAP\ntitle: Không phải danh sách\n",
    # duplicate-key
    "trainings/dupkey.yaml": "- id: TR-DK\n  title: A\n  title: B\n  date: 2022-03-01\n",
    # missing-field, unknown-field, invalid-value (a field, an enum, a date), date-order,
    # unknown-reference, duplicate-participant, future-date
    "trainings/fields.yaml": (
        "- id: TR-MISS\n  topics: [standards]\n"
        "- id: TR-UNK\n  title: Lớp\n  date: 2022-04-01\n  topics: [standards]\n  tittle: x\n"
        "- id: TR-BAD\n  title: Lớp\n  date: 2022-13-01\n  topics: [standards]\n"
        "- id: TR-ORD\n  title: Lớp\n  date: 2023-05-10\n  end_date: 2023-05-08\n"
        "  topics: [standards]\n"
        "- id: TR-REF\n  title: Lớp\n  date: 2023-06-10\n  topics: [standards]\n"
        "  participants: [CS-9999, TH-0001, TH-0001]\n"
        "- id: TR-FUT\n  title: Lớp\n  date: 2027-05-10\n  topics: [standards]\n"
        "- title: Lớp không mã\n  date: 2022-04-01\n  topics: [standards]\n"
    ),
    # unknown-scheme, date-order on a certification
    "certifications/broken.yaml": (
        "- id: CN-X1\n  enterprise: TH-0001\n  category: management_system\n"
        "  scheme: ISO 9010\n  achieved_on: 2023-01-01\n"
        "- id: CN-X2\n  enterprise: TH-0002\n  category: enterprize\n  scheme: ISO 9001\n"
    ),
    # unknown-file
    "doanh-nghiep.yaml": "- id: X\n",
}

#: Records appended to data/enterprises.yaml: duplicate-id, duplicate-tax-code,
#: tax-code-checksum, possible-duplicate, unknown-locality, invalid-value (type).
ENTERPRISES = """
- id: TH-0001
  name: Cơ sở trùng mã
  type: enterprise
- id: CS-DUP-TAX
  name: Cơ sở trùng mã số thuế
  type: enterprise
  tax_code: '2802856134'
- id: CS-CHECK
  name: Cơ sở sai chữ số kiểm tra
  type: enterprise
  tax_code: '0101234568'
- id: CS-LIKE
  name: CONG TY CO PHAN CHAN NUOI VAN PHUC
  type: enterprise
- id: CS-PLACE
  name: Cơ sở ở nơi không có
  type: enterprise
  locality: Xã An Phuu, huyện Tân Yên
- id: CS-TYPE
  name: Cơ sở sai loại hình
  type: enterprize
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=root, check=True, capture_output=True)


def build(root: Path) -> Path:
    """The repository at `root`: commit 1 the sample data, commit 2 the breakage (placeholder
    marks on the targets too). Returns `root`."""
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "targets.yaml", root / "targets.yaml")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "sample")
    for name, body in BROKEN.items():
        path = root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    with (root / "data" / "enterprises.yaml").open("a", encoding="utf-8") as out:
        out.write(ENTERPRISES)
    targets = (root / "targets.yaml").read_text(encoding="utf-8")
    targets = targets.replace("    target: 400\n", "    target: 400  # ĐIỀN / FILL IN\n")
    (root / "targets.yaml").write_text(targets, encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "broken")
    return root


#: Sheets (name → bytes) for `pqp import`, and the imports to run in order on a copy of the
#: sample data; between them they say every import-note code of the catalogue (and `encoding`,
#: which import says of a CSV file read as cp1258).
SHEETS: dict[str, bytes] = {
    # rejected (a day that does not exist), ignored-column, warning (a participant twice),
    # total-row (a total row holding a value), after-total (a record below the total row)
    "lop.csv": (
        "Mã lớp,Tên lớp,Ngày,Nội dung,Mã cơ sở,Cột lạ\n"
        "TR-N1,Lớp 5S,31/02/2024,Công cụ cải tiến,TH-0001,x\n"
        "TR-N2,Lớp ISO,15/03/2024,Hệ thống quản lý,TH-0002,y\n"
        "TR-N2,Lớp ISO,15/03/2024,Hệ thống quản lý,TH-0002,y\n"
        "Tổng cộng,Lớp khác,,,,\n"
        "TR-N3,Lớp sau tổng,16/03/2024,Đo lường,TH-0001,\n"
    ).encode(),
    # encoding: a CSV file saved as Windows-1258
    "cp.csv": "id,title,date,topics,participants\nTR-C1,Làm 5S,15/03/2024,standards,TH-0001\n".encode(
        "cp1258"
    ),
    # a training naming an unknown establishment (--create-missing writes a placeholder) ...
    "moi.csv": "Mã lớp,Tên lớp,Ngày,Nội dung,Tên cơ sở\nTR-M1,Lớp mới,15/03/2024,Đo lường,"
    "Công ty Chưa Có Tên Này\n".encode(),
    # ... then that establishment imported for real: taken-over
    "dn.csv": "Tên cơ sở,Loại hình,Mã số thuế\nCông ty Chưa Có Tên Này,Doanh nghiệp,0100109106\n".encode(),
    # a sheet read through --mapping, then again without it: mapping (remembered)
    "dn2.csv": "Tên gọi,Loại\nCông ty Mới Hai,Doanh nghiệp\n".encode(),
    "map.yaml": "Tên gọi: name\nLoại: type\n".encode(),
    # the same records under another name: already-imported; with --replace: replacing
    "dn3.csv": "Tên gọi,Loại\nCông ty Mới Hai,Doanh nghiệp\n".encode(),
}
IMPORTS: list[tuple[str, ...]] = [
    ("trainings", "lop.csv", "--dry-run"),
    ("trainings", "cp.csv", "--dry-run"),
    ("trainings", "moi.csv", "--create-missing"),
    ("enterprises", "dn.csv"),
    ("enterprises", "dn2.csv", "--mapping", "map.yaml"),
    ("enterprises", "dn2.csv"),
    ("enterprises", "dn3.csv", "--mapping", "map.yaml"),
    ("enterprises", "dn3.csv", "--mapping", "map.yaml", "--replace"),
]


def pqp(repo: Path, *args: str, code: tuple[int, ...] = (0, 1)) -> str:
    """stdout and stderr of `pqp --lang vi …` on the broken data."""
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    full = [*args, *where, "--lang", "vi"]
    result = CliRunner().invoke(app, full, env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code in code, (full, result.output, result.exception)
    return result.stdout + "\n" + result.stderr


#: The WordprocessingML namespace, as `{…}` for lxml's tags.
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: A run's parts and the text python-docx's `Run.text` gives each (a `w:br` below).
RUN_TEXT = {W + "t": None, W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n"}
RUN_TEXT |= {W + "noBreakHyphen": "-", W + "br": None}
NS = {"w": W[1:-1]}


def _run_text(node: etree._Element) -> str:
    if node.tag == W + "t":
        return node.text or ""
    if node.tag == W + "br":  # a line break; a page or column break is no text
        return "" if node.get(W + "type") in ("page", "column") else "\n"
    return RUN_TEXT[node.tag] or ""


def docx_text(path: Path) -> str:
    """Every paragraph of a Word document's body, its tables' cells included, a line each:
    each paragraph's text as python-docx's `Paragraph.text` gives it (its runs and its
    hyperlinks' runs; not tracked insertions nor content controls), read from the document's
    XML: python-docx's table cells (`row.cells`) took ≈ 0.35 s of CPU a report. A merged
    cell's text comes once (python-docx repeats it in each cell it spans)."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    lines = []
    for paragraph in body.iter(W + "p"):
        runs = paragraph.xpath("./w:r | ./w:hyperlink/w:r", namespaces=NS)
        lines.append("".join(_run_text(n) for run in runs for n in run if n.tag in RUN_TEXT))
    return "\n".join(lines)
