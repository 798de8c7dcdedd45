"""Problems the checks across records find: ids, references, tax codes, dates, names, places.

Most messages start `{what} {id}:`, the record's kind as a noun (`labels.noun`) and its id.
"""

from __future__ import annotations

from pqp_cli.core.messages.base import Entry, Texts

_ENT = Texts("enterprise", "cơ sở")
_TRAINING = Texts("training", "lớp tập huấn")
_CERT = Texts("certification", "hồ sơ chứng nhận")

_LOCALITY = Texts(
    "locality {text!r} is not a place in {province}",
    "địa bàn {text!r} không phải đơn vị hành chính của {province}",
)

ENTRIES = [
    Entry(
        "duplicate-id",
        "problem",
        "error",
        Texts("An id used twice", "Mã bị dùng hai lần"),
        "Two records of one kind (in one file or two), or two targets, share an id; the later "
        "one is left out.",
        "- id: ent-001\n  name: Cơ sở An Phú\n- id: ent-001\n  name: Cơ sở Bình An",
        "Give the second record an id of its own (and update what names it).",
        {
            "": Texts(
                '{what} id "{id}" is used again (first at {first}); give this record its own id',
                'mã {what} "{id}" bị dùng lại (lần đầu ở {first}); hãy đặt mã riêng cho bản ghi này',
            ),
            "target": Texts(
                "target id {id!r} is used again (first on line {line})",
                "mã chỉ tiêu {id!r} bị dùng lại (lần đầu ở dòng {line})",
            ),
            "target-case": Texts(
                "target id {id!r} differs from {first!r} (line {line}) only in case: ids are one",
                "mã chỉ tiêu {id!r} chỉ khác {first!r} (dòng {line}) ở chữ hoa/thường: là một mã",
            ),
        },
        {"what": _ENT, "id": "ent-001", "first": "data/enterprises.yaml:1"},
    ),
    Entry(
        "unknown-reference",
        "problem",
        "error",
        Texts("A reference to no record", "Tham chiếu tới bản ghi không có"),
        "A training's participant, a certification's enterprise or an expert's unit names an "
        "id no record has; the nearest id or name is suggested. The record is left out.",
        "- id: trn-001\n  participants: [ent-0O1]",
        "Correct the id (often a typo), or add the record it names.",
        {
            "": Texts(
                '{what} {id}: {name} "{ref}" names no {target}',
                '{what} {id}: {name} "{ref}" không khớp {target} nào',
            ),
            "hint": Texts(
                '{what} {id}: {name} "{ref}" names no {target} (did you mean "{hint}", {hint_name}?)',
                '{what} {id}: {name} "{ref}" không khớp {target} nào (có phải "{hint}", {hint_name}?)',
            ),
        },
        {
            "what": _TRAINING,
            "id": "trn-001",
            "name": "participants",
            "ref": "ent-0O1",
            "target": _ENT,
            "hint": "ent-001",
            "hint_name": "Cơ sở An Phú",
        },
    ),
    Entry(
        "duplicate-tax-code",
        "problem",
        "error",
        Texts("A tax code used twice", "Mã số thuế bị dùng hai lần"),
        "Two enterprises share a tax code: one establishment recorded twice. The error lands on "
        "the record nothing references (which is left out).",
        "- id: ent-001\n  tax_code: '0101234567'\n- id: ent-107\n  tax_code: '0101234567'",
        "Remove the second record, or merge it into the first.",
        {
            "": Texts(
                "{what} {id} ({here}): tax code {code} is already {keep}'s ({kept_at}); one "
                "establishment, one record: remove {id} or merge it into the other",
                "{what} {id} ({here}): mã số thuế {code} đã thuộc {keep} ({kept_at}); mỗi cơ sở "
                "một bản ghi: hãy bỏ {id} hoặc gộp vào bản ghi kia",
            ),
            "referenced": Texts(
                "{what} {id} ({here}): tax code {code} is already {keep}'s ({kept_at}, which "
                "trainings or certifications name); one establishment, one record: remove {id} "
                "or merge it into the other",
                "{what} {id} ({here}): mã số thuế {code} đã thuộc {keep} ({kept_at}, bản ghi được "
                "lớp tập huấn hoặc chứng nhận nhắc tới); mỗi cơ sở một bản ghi: hãy bỏ {id} hoặc "
                "gộp vào bản ghi kia",
            ),
        },
        {
            "what": _ENT,
            "id": "ent-107",
            "here": "data/enterprises.yaml:9",
            "code": "0101234567",
            "keep": "ent-001",
            "kept_at": "data/enterprises.yaml:3",
        },
    ),
    Entry(
        "date-order",
        "problem",
        "error",
        Texts("Dates in the wrong order", "Ngày sai thứ tự"),
        "A date comes before the one it follows (an end before its start, an expiry before "
        "the award); the record is left out.",
        "- id: trn-001\n  date: 2023-05-10\n  end_date: 2023-05-08",
        "Correct whichever date is wrong.",
        {
            "": Texts(
                "{what} {id}: {later} {later_date} is before {earlier} {earlier_date}",
                "{what} {id}: {later} {later_date} trước {earlier} {earlier_date}",
            ),
            "ocop": Texts(
                "{what} {id}: OCOP product {product!r} expires_on {expires} is before "
                "certified_on {certified}",
                '{what} {id}: sản phẩm OCOP {product!r} có ngày hết hạn ("expires_on") '
                '{expires} trước ngày công nhận OCOP ("certified_on") {certified}',
            ),
            "plan": Texts(
                "plan period ends ({end}) before it starts ({start})",
                "kỳ kế hoạch kết thúc ({end}) trước khi bắt đầu ({start})",
            ),
        },
        {
            "what": _TRAINING,
            "id": "trn-001",
            "later": "end_date",
            "later_date": "2023-05-08",
            "earlier": "date",
            "earlier_date": "2023-05-10",
        },
    ),
    Entry(
        "tax-code-checksum",
        "problem",
        "warning",
        Texts("A tax code's check digit is wrong", "Sai chữ số kiểm tra của mã số thuế"),
        "The 10th digit of a tax code does not match the other nine: likely a typo.",
        "- id: ent-001\n  tax_code: '0101234568'",
        "Check the tax code against the business register and correct it.",
        {
            "": Texts(
                "{what} {id}: tax code {tax_code} has a wrong check digit (10th digit); likely a "
                "typo: check it against the business register",
                "{what} {id}: mã số thuế {tax_code} sai chữ số kiểm tra (chữ số thứ 10); có thể "
                "gõ nhầm: hãy đối chiếu đăng ký kinh doanh",
            )
        },
        {"what": _ENT, "id": "ent-001", "tax_code": "0101234568"},
    ),
    Entry(
        "duplicate-participant",
        "problem",
        "warning",
        Texts("A participant listed twice", "Học viên có tên hai lần"),
        "A training lists one enterprise twice; it counts once.",
        "- id: trn-001\n  participants: [ent-001, ent-002, ent-001]",
        "Remove the second mention (or correct it to the enterprise meant).",
        {
            "": Texts(
                "{what} {id}: participant {participant} is listed twice; it counts once",
                "{what} {id}: {participant} có tên hai lần trong danh sách; chỉ tính một lần",
            )
        },
        {"what": _TRAINING, "id": "trn-001", "participant": "ent-001"},
    ),
    Entry(
        "unknown-scheme",
        "problem",
        "warning",
        Texts("A scheme not known for its category", "Hệ thống/tiêu chuẩn chưa biết"),
        "A certification's scheme is not one pqp knows for its category (often a typo); it "
        "still counts.",
        "- id: CN-0001\n  category: management_system\n  scheme: ISO 9010",
        "Write the scheme as the nearest known one, if that is what was meant.",
        {
            "": Texts(
                "{what} {id}: scheme {scheme!r} is not known for category {category}",
                "{what} {id}: {scheme!r} không phải hệ thống/tiêu chuẩn đã biết của nhóm {category}",
            ),
            "hint": Texts(
                "{what} {id}: scheme {scheme!r} is not known for category {category} "
                "(nearest known: {hint})",
                "{what} {id}: {scheme!r} không phải hệ thống/tiêu chuẩn đã biết của nhóm "
                "{category} (gần nhất: {hint})",
            ),
        },
        {
            "what": _CERT,
            "id": "CN-0001",
            "scheme": "ISO 9010",
            "category": "management_system",
            "hint": "ISO 9001",
        },
    ),
    Entry(
        "outside-period",
        "problem",
        "warning",
        Texts("A date outside the plan period", "Ngày nằm ngoài kỳ kế hoạch"),
        "A training or an achievement falls outside the plan period; it does not count "
        "towards the targets.",
        "- id: CN-0001\n  achieved_on: 2019-12-19   # the plan runs 2021..2025",
        "Nothing, if the date is right; else correct it.",
        {
            "": Texts(
                "{what} {id}: {name} {day} is outside the plan period {start}..{end}; it does "
                "not count towards the targets",
                "{what} {id}: {name} {day} nằm ngoài kỳ kế hoạch (từ {start} đến {end}); không "
                "được tính vào chỉ tiêu",
            )
        },
        {
            "what": _CERT,
            "id": "CN-0001",
            "name": "achieved_on",
            "day": "2019-12-19",
            "start": "2021-01-01",
            "end": "2025-12-31",
        },
    ),
    Entry(
        "future-date",
        "problem",
        "warning",
        Texts("A date after today", "Ngày sau hôm nay"),
        "A date lies after today (`--as-of`): usually a typo in the year. Expiry dates may.",
        "- id: trn-001\n  date: 2032-05-10",
        "Check the year.",
        {
            "": Texts(
                "{what} {id}: {name} {value} is after today ({today}); check the year",
                "{what} {id}: {name} {value} sau ngày hôm nay ({today}); hãy kiểm tra năm",
            )
        },
        {
            "what": _TRAINING,
            "id": "trn-001",
            "name": "date",
            "value": "2032-05-10",
            "today": "2024-06-30",
        },
    ),
    Entry(
        "possible-duplicate",
        "problem",
        "warning",
        Texts("Perhaps one record twice", "Có thể trùng bản ghi"),
        "Two records look like one: establishments whose names match but for case, "
        "diacritics and legal form, or trainings, certifications, experts or units with the "
        "same identifying fields. The figures count both.",
        "- id: ent-001\n  name: Công ty TNHH An Phú\n- id: ent-107\n  name: CONG TY AN PHU",
        "Merge the two records if they are one; else nothing.",
        {
            "": Texts(
                "{what} {id} ({name}) may be the same establishment as {other} ({other_name}, "
                "{other_at}); merge them if so",
                "{what} {id} ({name}) có thể trùng với {other} ({other_name}, {other_at}); hãy "
                "gộp nếu đúng",
            ),
            "record": Texts(
                "{what} {id} ({here}) has the same {same} as {other} ({there}): the figures "
                "count both; remove one if they are the same",
                "{what} {id} ({here}) trùng {same} với {other} ({there}): số liệu đang tính cả "
                "hai; hãy bỏ một bản ghi nếu là một",
            ),
        },
        {
            "what": _ENT,
            "id": "ent-107",
            "name": "CONG TY AN PHU",
            "other": "ent-001",
            "other_name": "Công ty TNHH An Phú",
            "other_at": "data/enterprises.yaml:1",
        },
    ),
    Entry(
        "unknown-locality",
        "problem",
        "warning",
        Texts("A place the register does not know", "Địa bàn không có trong danh mục"),
        "A locality (or `plan.province`) that pqp's register of Vietnam's provinces, districts "
        "and communes does not know, names another province, or could be two places. It is "
        "not counted in any district.",
        "- id: ent-001\n  locality: Xã An Phuu, huyện Tân Yên",
        "Write the place as the register names it (the nearest names are suggested).",
        {
            "record": Texts("{what} {id}: {reason}", "{what} {id}: {reason}"),
            "": _LOCALITY,
            "near": Texts(
                _LOCALITY.en + " (nearest: {hint})", _LOCALITY.vi + " (gần nhất: {hint})"
            ),
            "other-province": Texts(
                "locality {text!r} names another province ({other!r}), not {province}; it is "
                "not counted in any district",
                "địa bàn {text!r} ghi tỉnh khác ({other!r}), không phải {province}; không được "
                "tính vào huyện nào",
            ),
            "ambiguous": Texts(
                "locality {text!r} could be {first} or {last}; write the one meant, e.g. "
                "{example!r}",
                "địa bàn {text!r} có thể là {first} hoặc {last}; hãy ghi rõ nơi nào, vd. "
                "{example!r}",
            ),
            "province": Texts(
                "plan.province {province!r} is not a province of Vietnam in pqp's register; "
                "localities are not checked and cannot be grouped by district or commune",
                "plan.province {province!r} không phải tỉnh, thành phố nào trong danh mục của "
                "pqp; địa bàn sẽ không được kiểm tra và không nhóm được theo huyện, xã",
            ),
            "province-near": Texts(
                "plan.province {province!r} is not a province of Vietnam in pqp's register "
                "(nearest: {near}); localities are not checked and cannot be grouped by "
                "district or commune",
                "plan.province {province!r} không phải tỉnh, thành phố nào trong danh mục của "
                "pqp (gần nhất: {near}); địa bàn sẽ không được kiểm tra và không nhóm được theo "
                "huyện, xã",
            ),
        },
        {
            "text": "Xã An Phuu, huyện Tân Yên",
            "province": Texts("Bắc Giang province", "tỉnh Bắc Giang"),
            "hint": "Xã An Phú, huyện Tân Yên",
        },
        "near",
    ),
]
