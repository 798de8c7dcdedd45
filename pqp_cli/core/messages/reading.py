"""Problems found reading a file: its bytes, its YAML, its shape and each record's fields.

The field errors (`missing-field`, `unknown-field`, `invalid-value`) have one set of templates
for records, targets.yaml and its `report:` section: `labels.record_field` and
`labels.plain_field` give the words that differ (`enterprise ent-1: field "name"` or `plan.start`).
"""

from __future__ import annotations

from pqp_cli.core.messages.base import Entry, Texts

_DEEP = Texts(
    "nesting deeper than {depth} levels: records are never this deep",
    "lồng sâu quá {depth} mức: bản ghi không bao giờ sâu như vậy",
)
_TAG = Texts(
    "tags such as {tag} are not supported: remove it",
    "không hỗ trợ thẻ như {tag}: hãy bỏ thẻ",
)

ENTRIES = [
    Entry(
        "yaml-syntax",
        "problem",
        "error",
        Texts("YAML syntax error", "Lỗi cú pháp YAML"),
        "The file does not parse as YAML; the whole file is left out of the figures.",
        '- id: ent-001\n  name: "Cơ sở An Phú\n  type: enterprise',
        "Fix the line and column given: close the quote or bracket, or indent the line like "
        "its neighbours.",
        {
            "": Texts("YAML syntax error: {problem}", "lỗi cú pháp YAML: {problem}"),
            "column": Texts(
                "YAML syntax error, column {column}: {problem}",
                "lỗi cú pháp YAML, cột {column}: {problem}",
            ),
        },
        {"problem": "found unexpected end of stream", "column": 1},
        "column",
    ),
    Entry(
        "encoding",
        "problem",
        "error",
        Texts("Not UTF-8, or unreadable", "Không phải UTF-8, hoặc không đọc được"),
        "The file is not UTF-8 text, or cannot be read at all; it is left out of the figures. "
        "(`pqp import` says it too, as a warning, of a CSV file it read as UTF-16 or cp1258.)",
        "a file saved by an old editor as Windows-1258 (byte 0xe0 for `à`)",
        "Save the file as UTF-8 (any modern editor offers it), or make it readable.",
        {
            "": Texts(
                "not UTF-8 (byte 0x{byte:02x} at line {line}): save the file as UTF-8",
                "không phải UTF-8 (mã 0x{byte:02x} ở dòng {line}): hãy lưu tệp ở dạng UTF-8",
            ),
            "unreadable": Texts("cannot read the file: {reason}", "không đọc được tệp: {reason}"),
            "csv-utf16": Texts(
                "{name}: UTF-16 text without a byte-order mark; read as {codec}. If letters look "
                "wrong, pass --encoding (e.g. --encoding utf-16)",
                "{name}: văn bản UTF-16 không có BOM; đã đọc theo {codec}. Nếu chữ bị lỗi, hãy "
                "dùng --encoding (vd. --encoding utf-16)",
            ),
            "csv-cp1258": Texts(
                "{name}: not UTF-8; read as cp1258 (Vietnamese Windows). If letters look wrong, "
                "pass --encoding",
                "{name}: không phải UTF-8; đã đọc theo cp1258 (Windows tiếng Việt). Nếu chữ bị "
                "lỗi, hãy dùng --encoding",
            ),
            "unreadable-path": Texts(
                "cannot read {file}: {reason}; its records are left out of every figure",
                "không đọc được {file}: {reason}; các bản ghi trong đó bị loại khỏi mọi số liệu",
            ),
            "second-name": Texts(
                "{file} is a second name (a link) for {real}, which is read under its own "
                "name: it is not read twice; remove the link",
                "{file} là tên thứ hai (liên kết) của {real}, thư mục này đã được đọc dưới tên "
                "của nó: không đọc hai lần; hãy xoá liên kết",
            ),
        },
        {"byte": 0xE0, "line": 3},
    ),
    Entry(
        "unsupported-yaml",
        "problem",
        "error",
        Texts("YAML pqp does not read", "YAML mà pqp không đọc"),
        "The file uses YAML that records never need (anchors, tags, several documents, deep "
        "nesting, keys that are not plain text); pqp refuses it rather than guess.",
        "- id: ent-001\n  type: &t enterprise\n- id: ent-002\n  type: *t",
        "Write every value out in full, one document a file, keys as plain field names.",
        {
            "null-key": Texts(
                "a key must be a field name, not empty or null (null:, ~:, or ':' alone)",
                "khóa phải là tên trường, không được rỗng hay null (null:, ~:, hoặc ':' đứng một mình)",
            ),
            "key-not-text": Texts(
                "a mapping key must be plain text", "khóa của ánh xạ phải là văn bản thường"
            ),
            "second-document": Texts(
                "a second YAML document ('---'): keep one document a file",
                "tài liệu YAML thứ hai ('---'): mỗi tệp chỉ một tài liệu",
            ),
            "deep": _DEEP,
            "too-deep": Texts("nesting too deep", "lồng quá sâu"),
            "anchor": Texts(
                "anchors and aliases (&name, *name) are not supported: write the value out",
                "không hỗ trợ neo và bí danh (&tên, *tên): hãy viết giá trị ra",
            ),
            "tag": _TAG,
        },
        {},
        "anchor",
    ),
    Entry(
        "not-a-list",
        "problem",
        "error",
        Texts("Not a list of records", "Không phải danh sách bản ghi"),
        "A data file must be a list of records, each a mapping of `field: value`; "
        "targets.yaml's `targets:` a list of targets.",
        "id: ent-001\nname: Cơ sở An Phú",
        "Start each record with `- ` (`- id: ent-001`) and indent its fields under it.",
        {
            "mapping": Texts(
                "the file must be a list of {kinds} records ('- id: ...'), not a mapping",
                "tệp phải là danh sách bản ghi {kinds} ('- id: ...'), không phải ánh xạ",
            ),
            "value": Texts(
                "the file must be a list of {kinds} records ('- id: ...'), not a single value",
                "tệp phải là danh sách bản ghi {kinds} ('- id: ...'), không phải một giá trị đơn",
            ),
            "item": Texts(
                "item {n} is not a record (a mapping of 'field: value')",
                "mục {n} không phải bản ghi (ánh xạ 'trường: giá trị')",
            ),
            "targets": Texts(
                "'targets:' must be a list of targets ('- id: T1 ...')",
                "'targets:' phải là danh sách chỉ tiêu ('- id: T1 ...')",
            ),
            "target": Texts("target {n} is not a mapping", "chỉ tiêu {n} không phải ánh xạ"),
        },
        {"kinds": "enterprises"},
        "mapping",
    ),
    Entry(
        "duplicate-key",
        "problem",
        "error",
        Texts("A key repeats", "Khóa bị lặp"),
        "A mapping gives the same key twice; pqp never keeps one silently.",
        "- id: ent-001\n  name: Cơ sở An Phú\n  name: Cơ sở An Phú 2",
        "Keep one of the two lines.",
        {
            "": Texts(
                'key "{key}" repeats (first on line {first}); keep one',
                'khóa "{key}" bị lặp (lần đầu ở dòng {first}); chỉ giữ một',
            )
        },
        {"key": "name", "first": 2},
    ),
    Entry(
        "missing-field",
        "problem",
        "error",
        Texts("A required field is missing", "Thiếu trường bắt buộc"),
        "A record (or targets.yaml) lacks a field it must have; the record is left out.",
        "- id: ent-001\n  type: enterprise   # no name",
        "Add the field named.",
        {
            "": Texts(
                "{who}{noun}{name} is missing; add it", "{who}thiếu {noun}{name}; hãy bổ sung"
            ),
            "plan": Texts(
                "targets.yaml needs a 'plan:' mapping and a 'targets:' list",
                "targets.yaml cần ánh xạ 'plan:' và danh sách 'targets:'",
            ),
        },
        {
            "who": Texts("enterprise ent-001: ", "cơ sở ent-001: "),
            "noun": Texts("field ", "trường "),
            "name": '"name"',
        },
    ),
    Entry(
        "unknown-field",
        "problem",
        "error",
        Texts("An unknown field", "Trường không xác định"),
        "A field pqp does not know (often a typo); it is never dropped silently, and the "
        "record is left out.",
        "- id: ent-001\n  nmae: Cơ sở An Phú",
        "Rename it to the field suggested, or remove it.",
        {
            "": Texts(
                "{who}unknown {noun}{name}; known{fields}: {known}",
                "{who}{noun}không xác định {name}; {fields}hợp lệ: {known}",
            ),
            "hint": Texts(
                '{who}unknown {noun}{name} (did you mean "{hint}"?)',
                "{who}{noun}không xác định {name} (có phải {hint}?)",
            ),
            "top-level": Texts(
                "unknown top-level key {key!r}; known: plan, targets, report",
                'khóa cấp cao nhất không xác định {key!r}; hợp lệ: "plan", "targets", "report"',
            ),
        },
        {
            "who": Texts("enterprise ent-001: ", "cơ sở ent-001: "),
            "noun": Texts("field ", "trường "),
            "name": '"nmae"',
            "fields": Texts(" fields", "các trường "),
            "known": "id, name, type",
            "hint": Texts("name", 'tên ("name")'),
        },
        "hint",
    ),
    Entry(
        "invalid-value",
        "problem",
        "error",
        Texts("A value that is not allowed", "Giá trị không hợp lệ"),
        "A field's value is not one its field allows (a date that is no date, a word outside "
        "its list); the message says what is allowed. The record is left out.",
        "- id: ent-001\n  name: Cơ sở An Phú\n  type: enterprize",
        "Write one of the values the message lists.",
        {
            "": Texts(
                "{who}{noun}{name} has {got}; allowed: {allowed}",
                "{who}{noun}{name} có giá trị {got}; cho phép: {allowed}",
            ),
            "target-one-of": Texts(
                "target {id}: give exactly one of 'target' (a count) or 'target_percent'",
                "chỉ tiêu {id}: cần đúng một trong 'target' (số lượng) hoặc 'target_percent'",
            ),
            "target-percent": Texts(
                "target {id}: metric {metric} counts; give 'target', not 'target_percent'",
                "chỉ tiêu {id}: chỉ số {metric} là số đếm; dùng 'target', không dùng 'target_percent'",
            ),
            "report": Texts(
                "'report:' must be a mapping (parent_body: ..., issuing_body: ...)",
                "'report:' phải là ánh xạ (parent_body: ..., issuing_body: ...)",
            ),
        },
        {
            "who": Texts("enterprise ent-001: ", "cơ sở ent-001: "),
            "noun": Texts("field ", "trường "),
            "name": '"type"',
            "got": '"enterprize"',
            "allowed": Texts("enterprise, cooperative", "enterprise, cooperative"),
        },
    ),
    Entry(
        "unknown-file",
        "problem",
        "warning",
        Texts("A YAML file of no kind", "Tệp YAML không thuộc loại nào"),
        "A YAML file in the data folder that is not named after a kind nor inside a kind's "
        "folder; it is not read.",
        "data/doanh-nghiep.yaml",
        "Move its records into the kind's file or folder (`enterprises/doanh-nghiep.yaml`).",
        {
            "": Texts(
                "this YAML file belongs to no kind and is ignored: records go in "
                "{files} or under a folder of that name",
                "tệp YAML này không thuộc loại nào và bị bỏ qua: bản ghi đặt trong "
                "{files} hoặc trong thư mục cùng tên",
            )
        },
        {"files": "enterprises.yaml, trainings.yaml"},
    ),
    Entry(
        "placeholder-target",
        "problem",
        "warning",
        Texts("A target still holds a placeholder", "Chỉ tiêu còn giữ số điền sẵn"),
        "A target's figure is still marked ĐIỀN / FILL IN, or the targets are the sample "
        "plan's figures (Thanh Hóa 2021-2025) in another plan: `pqp init` wrote them to be "
        "replaced, and every status and report measures against them until then.",
        "  - id: T1\n    metric: trained_establishments\n    target: 400  # ĐIỀN / FILL IN",
        "Write the plan's own figure from its document, and remove the `ĐIỀN / FILL IN` mark.",
        {
            "": Texts(
                "target {id}: {value} is a placeholder (pqp init's, from the sample plan); "
                "write this plan's own figure and remove 'ĐIỀN / FILL IN'",
                "chỉ tiêu {id}: {value} là số điền sẵn (của `pqp init`, lấy từ kế hoạch mẫu); "
                "hãy ghi số của kế hoạch này và xóa 'ĐIỀN / FILL IN'",
            )
        },
        {"id": "T1", "value": 400},
    ),
]

#: A list that allows at least one of some words (`topics`): what `allowed` then says.
LIST_OF = Texts("a list of at least one of: {allowed}", "danh sách có ít nhất một trong: {allowed}")
#: What a `report:` field allows.
REPORT_TEXT = Texts("a non-empty text", "văn bản khác rỗng")
REPORT_LIST = Texts("a list of non-empty texts", "danh sách văn bản khác rỗng")
