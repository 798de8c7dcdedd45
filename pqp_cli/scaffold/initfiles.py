"""The texts `pqp init` writes (templates with `$name` fields; see initdata.py)."""

from __future__ import annotations

from pqp_cli.core.messages import PHRASES

TARGETS = """\
# yaml-language-server: $$schema=schemas/targets.schema.json
# Kế hoạch và các chỉ tiêu. Điền mọi chỗ ghi "ĐIỀN / FILL IN" theo văn bản kế hoạch, rồi chạy
# `pqp validate`. Các con số dưới đây là của Kế hoạch 159/KH-UBND tỉnh Thanh Hóa 2021-2025,
# chỉ để tham khảo: hãy thay bằng số của kế hoạch này.
# The plan and its targets. Fill in every line marked "ĐIỀN / FILL IN" from the plan's text,
# then run `pqp validate`. The numbers below are Thanh Hóa's 2021-2025 plan, for reference
# only: replace them with this plan's.
plan:
  id: $plan_id
  title:
    vi: Nâng cao năng suất, chất lượng sản phẩm, hàng hóa dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo, giai đoạn $years  # ĐIỀN / FILL IN
    en: Raising the productivity and quality of products and goods through science, technology and innovation, $years
  $authority
  focal_agency: Sở Khoa học và Công nghệ
  # document: Kế hoạch số .../KH-UBND ngày ...   # ĐIỀN / FILL IN: văn bản kế hoạch / the plan's document
  period: {start: $start, end: $end}
  at_risk_ratio: 0.8  # dưới 80% tiến độ kỳ vọng là "có nguy cơ chậm" / below 80% of the expected pace is "at risk"

# Phần đầu và phần cuối của báo cáo Word (`pqp report --format docx`). Dòng nào bỏ trống thì
# lấy từ plan.authority và plan.focal_agency. / The Word report's header block and end; a line
# left out is derived from plan.authority and plan.focal_agency.
report:
  # parent_body: UBND TỈNH ...          # ĐIỀN / FILL IN: cơ quan chủ quản / parent body
  # issuing_body: SỞ KHOA HỌC VÀ CÔNG NGHỆ   # cơ quan ban hành báo cáo / issuing body
  # symbol: BC-SKHCN                    # ký hiệu: "Số: .../BC-SKHCN" / document symbol
  # place: ...                          # ĐIỀN / FILL IN: địa danh / place ("..., ngày ...")
  # recipients: [UBND tỉnh ...]         # ĐIỀN / FILL IN: Kính gửi / addressed to
  # copies: [Bộ Khoa học và Công nghệ]  # Nơi nhận thêm / also sent to
  archive: VT                           # Lưu: VT, ... / filed at
  signer_title: Giám đốc                # chức vụ người ký / signer's title
  # signer_name: ...                    # ĐIỀN / FILL IN: họ tên người ký / signer's name

targets:
  - id: T1
    title:
      vi: Cơ sở SXKD được tập huấn
      en: Establishments trained
    metric: trained_establishments
    target: 400  # ĐIỀN / FILL IN
    # params: {topics: [management_systems, improvement_tools], entity_types: [enterprise, cooperative]}

  - id: T2
    title:
      vi: Doanh nghiệp được hỗ trợ áp dụng và duy trì thành công
      en: Enterprises supported to apply and maintain systems and tools
    metric: supported_enterprises
    target: 150  # ĐIỀN / FILL IN
    params:
      categories: [management_system, improvement_tool, measurement_assurance, technology]
      # schemes: [ISO 9001, ISO 22000, HACCP, VietGAP, 5S, Lean, TPM, KPI]
      # entity_types: [enterprise]

  - id: T3
    title:
      vi: Đơn vị sản xuất sản phẩm OCOP, chủ lực áp dụng tiêu chuẩn, quy chuẩn
      en: OCOP and key-product producers applying product standards
    metric: standards_coverage
    target_percent: 100  # ĐIỀN / FILL IN

  - id: T4
    title:
      vi: Mô hình điểm
      en: Pilot models
    metric: pilot_models
    target: 6  # ĐIỀN / FILL IN
    # params: {require_categories: [management_system, improvement_tool, product_standard, measurement_assurance, technology]}

  - id: T5a
    title:
      vi: Đơn vị công lập đủ năng lực tư vấn
      en: Public units able to consult enterprises
    metric: public_units
    target: 1  # ĐIỀN / FILL IN

  - id: T5b
    title:
      vi: Chuyên gia đủ năng lực tư vấn
      en: Experts able to consult enterprises
    metric: experts
    target: 10  # ĐIỀN / FILL IN
"""

DATA_FILE = """\
# yaml-language-server: $$schema=../schemas/$kind.schema.json
# $vi: mỗi bản ghi là một mục '- id: ...' (xem README.md). Tệp chỉ có chú thích là chưa có bản ghi.
# Có thể thêm tệp trong data/$kind/ (theo năm, theo huyện...).
# $en: one record per '- id: ...' item (see README.md). A file of comments holds no records.
# More files may go under data/$kind/ (by year, by district...).
#
# Ví dụ / Example:
$example
"""

KIND_LABELS = {
    "enterprises": PHRASES["init_title_enterprises"],
    "trainings": PHRASES["init_title_trainings"],
    "certifications": PHRASES["init_title_certifications"],
    "experts": PHRASES["init_title_experts"],
    "units": PHRASES["init_title_units"],
}

EXAMPLES = {
    "enterprises": """\
# - id: CS-0001
#   name: Công ty TNHH Thực phẩm ABC
#   type: enterprise          # enterprise | cooperative | household | other
#   tax_code: "2801234518"    # trong ngoặc kép / in quotes
#   locality: Thọ Xuân
#   key_product: true         # sản phẩm chủ lực / key product
#   pilot_model: false        # mô hình điểm / pilot model
#   ocop_products:
#     - {name: Nem chua, stars: 3, certified_on: 2026-03-15, expires_on: 2029-03-15}""",
    "trainings": """\
# - id: TH-2026-01
#   title: Tập huấn áp dụng công cụ 5S
#   date: 2026-04-03
#   topics: [improvement_tools]  # management_systems | improvement_tools | standards | measurement | technology
#   participants: [CS-0001]
#   trainees: 25""",
    "certifications": """\
# - id: HT-0001
#   enterprise: CS-0001
#   category: management_system  # management_system | improvement_tool | product_standard | measurement_assurance | technology
#   scheme: ISO 9001
#   started_on: 2026-02-01
#   achieved_on: 2026-09-15      # bỏ trống khi đang thực hiện / leave out while in progress
#   expires_on: 2029-09-14""",
    "experts": """\
# - id: CG-01
#   name: Nguyễn Văn An
#   qualified_on: 2026-06-10
#   unit: DV-01""",
    "units": """\
# - id: DV-01
#   name: Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng
#   public: true
#   qualified_on: 2026-06-10""",
}

PRE_COMMIT_CONFIG = """\
# `pqp validate` trước mỗi commit / before each commit:
#   pip install pre-commit && pre-commit install
# It runs the pqp installed on this computer. To let pre-commit install pqp itself, use instead:
#   - repo: https://github.com/YOUR-ORG/pqp   # ĐIỀN / FILL IN: where pqp's repository lives
#     rev: v0.1.0
#     hooks: [{id: pqp-validate}]
repos:
  - repo: local
    hooks:
      - id: pqp-validate
        name: pqp validate
        entry: pqp validate
        language: system
        pass_filenames: false  # references cross files: always the whole folder
        files: ^(data/.*\\.ya?ml|targets\\.yaml)$
"""

WORKFLOW = """\
# pqp: validate the data on every push and pull request, and show the figures.
name: pqp
on:
  push:
  pull_request:
permissions:
  contents: read
env:
  # ĐIỀN / FILL IN: where pqp is installed from (a git URL and tag, or a package index).
  PQP_SPEC: "pqp @ git+https://github.com/YOUR-ORG/pqp@v0.1.0"
  PQP_LANG: vi  # messages in Vietnamese; en for English
jobs:
  pqp:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # pqp diff reads the base branch's commit
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Install pqp
        run: pip install "$PQP_SPEC"
      - name: Validate the data
        run: pqp validate --format github
      - name: Figures
        if: ${{ !cancelled() }}
        run: pqp status --format markdown >> "$GITHUB_STEP_SUMMARY"
      - name: What this pull request changes
        if: ${{ !cancelled() && github.event_name == 'pull_request' }}
        continue-on-error: true  # informative; the base branch may have no data yet
        env:
          BASE_REF: ${{ github.base_ref }}
        run: pqp diff "origin/$BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"
"""

GITIGNORE = """\
.pqp-cache/
.pqp-import.lock
*.rejects.csv
"""

README = """\
# Dữ liệu kế hoạch năng suất, chất lượng / Productivity-and-quality plan data

Thư mục này được tạo bằng `pqp init`. Mọi lệnh `pqp` chạy từ đây (thư mục chứa `targets.yaml`).
This folder was made by `pqp init`. Run every `pqp` command from here (the folder that holds
`targets.yaml`).

## Tiếng Việt

**Cấu trúc**

- `targets.yaml`: kế hoạch và các chỉ tiêu. Điền mọi chỗ ghi `ĐIỀN / FILL IN` trước tiên.
- `data/<loại>.yaml`: bản ghi của từng loại — `enterprises` (cơ sở SXKD), `trainings` (lớp tập
  huấn), `certifications` (hỗ trợ áp dụng, chứng nhận), `experts` (chuyên gia), `units` (đơn vị
  tư vấn). Có thể chia thêm tệp trong `data/<loại>/` (theo năm, theo huyện...).
- `schemas/`: lược đồ JSON cho trình soạn thảo; làm mới bằng `pqp schema -o schemas`.

**Công việc hằng ngày**

```sh
pqp validate                      # kiểm tra toàn bộ dữ liệu: lỗi kèm tệp và dòng
pqp status --lang vi              # tiến độ từng chỉ tiêu
pqp explain T3 --lang vi          # cơ sở nào được tính, cơ sở nào còn thiếu gì
pqp import trainings so-lieu-huyen.xlsx   # nhập bảng tính của huyện
pqp report -o bao-cao.html --lang vi      # báo cáo đầy đủ
pqp status --rev v2027 --as-of 2027-12-31 # số liệu đúng như đã nộp (theo một commit/tag)
pqp diff v2027                    # thay đổi so với lần nộp đó: ai vào, ai ra
```

Ngày ghi `YYYY-MM-DD` (hoặc `dd/mm/yyyy`); mã số thuế để trong ngoặc kép; `true`/`false`
hoặc `Có`/`Không`. Mỗi lần nộp báo cáo, gắn tag: `git tag v2027 && git push --tags`.

**Trình soạn thảo**: VS Code với tiện ích YAML (Red Hat) — mở thư mục này, cài tiện ích được gợi
ý; gõ sẽ có gợi ý trường và gạch đỏ chỗ sai. **Trước mỗi commit**: `pip install pre-commit &&
pre-commit install`. **GitHub Actions** (`.github/workflows/pqp.yml`): điền `PQP_SPEC`.

## English

- `targets.yaml`: the plan and its targets; fill in every `ĐIỀN / FILL IN` first.
- `data/<kind>.yaml` (and any `*.yaml` under `data/<kind>/`): the records of each kind.
- `schemas/`: JSON Schemas for editors; refresh with `pqp schema -o schemas`.
- `pqp validate` lists every problem with its file and line; `pqp status`, `pqp explain TARGET`,
  `pqp report` give the figures; `--rev REV` reads them as committed at a git revision, and
  `pqp diff REV` shows what changed since (who entered or left each count).
- Editors: VS Code with Red Hat's YAML extension (recommended in `.vscode/`) completes fields
  and underlines mistakes as you type. Before each commit: `pip install pre-commit &&
  pre-commit install`. CI: `.github/workflows/pqp.yml` (fill in `PQP_SPEC`).
"""
