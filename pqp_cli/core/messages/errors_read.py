"""Why a command cannot go on while it opens a project (exit 2): the data folder, the targets
file, a git revision. Each is raised as `PqpError(*phrase(key, …))`, named by its key.

English texts are what pqp has always said (scripts and tests match them); the Vietnamese ones
say the same in the words an analyst uses (`kho` for a repository, `phiên bản` for a revision).
"""

from __future__ import annotations

from pqp_cli.core.messages.base import Texts

ERRORS: dict[str, Texts] = {
    "data-not-found": Texts(
        "data folder not found: {path} (give --data DIR or set PQP_DATA)",
        "không tìm thấy thư mục dữ liệu: {path} (dùng --data DIR hoặc PQP_DATA)",
    ),
    "targets-not-found": Texts(
        "targets file not found: {path} (give --targets FILE or set PQP_TARGETS)",
        "không tìm thấy tệp chỉ tiêu: {path} (dùng --targets FILE hoặc PQP_TARGETS)",
    ),
    "unknown-target": Texts(
        "unknown target {id!r}; the targets are: {known}",
        "không có chỉ tiêu {id!r}; các chỉ tiêu là: {known}",
    ),
    "target-left-out": Texts(
        "target {id!r} is left out: the targets file has errors in it; run `pqp validate`",
        "chỉ tiêu {id!r} bị loại vì có lỗi trong tệp chỉ tiêu; hãy chạy `pqp validate`",
    ),
    "targets-have-errors": Texts(
        "the targets file has errors{where}; run `pqp validate`",
        "tệp chỉ tiêu có lỗi{where}; hãy chạy `pqp validate`",
    ),
    "at-side": Texts("{where}: {error}", "{where}: {error}"),
    "working-tree": Texts("working tree", "thư mục làm việc"),
    "cwd-gone": Texts(
        "the current folder no longer exists (it was removed or renamed): change to an "
        "existing folder, or give every path in full",
        "thư mục hiện tại không còn nữa (đã bị xoá hoặc đổi tên): hãy chuyển sang một thư "
        "mục có thật, hoặc ghi mọi đường dẫn đầy đủ",
    ),
    "register-damaged": Texts(
        "the register of administrative units shipped with pqp is missing or damaged "
        "(pqp_cli/data/admin_units.json.gz): reinstall pqp",
        "danh mục đơn vị hành chính kèm theo pqp bị thiếu hoặc hỏng "
        "(pqp_cli/data/admin_units.json.gz): hãy cài lại pqp",
    ),
    "cannot-write": Texts("cannot write {path}: {why}", "không ghi được {path}: {why}"),
    # --- a git revision (--rev, pqp diff) ---
    "git-missing": Texts(
        "--rev needs git, and git is not installed (or not on PATH)",
        "--rev cần git, nhưng git chưa được cài (hoặc không có trong PATH)",
    ),
    "git-cannot-list": Texts(
        "git could not list {spec} at {commit} (git: {why}); the repository may be "
        "damaged or a shallow clone: run `git fsck`",
        "git không liệt kê được {spec} ở {commit} (git báo: {why}); kho có thể bị hỏng hoặc "
        "là bản sao nông: hãy chạy `git fsck`",
    ),
    "git-object-missing": Texts(
        "{name} cannot be read at this revision: its object is missing from the "
        "repository (a shallow or damaged clone?); run `git fsck` or fetch it again",
        "không đọc được {name} ở phiên bản này: đối tượng của nó bị thiếu trong kho "
        "(bản sao nông hoặc bị hỏng?); hãy chạy `git fsck` hoặc tải lại",
    ),
    "not-a-repository": Texts(
        "{where} is not inside a git repository, so there is no revision to read "
        "(run `git init` and commit the data, or leave out --rev)",
        "{where} không nằm trong kho git nên không có phiên bản nào để đọc "
        "(hãy `git init` và commit dữ liệu, hoặc bỏ --rev)",
    ),
    "rev-not-single": Texts(
        "'{rev}' is not a single revision: give one commit, tag or branch "
        "(a range or an exclusion such as ^HEAD names no one commit)",
        "'{rev}' không phải là một phiên bản duy nhất: hãy ghi một commit, tag "
        "hoặc nhánh (một khoảng hay ^HEAD không chỉ một commit)",
    ),
    "rev-unknown": Texts(
        "unknown revision '{rev}': give a commit, tag or branch of this repository "
        "(see `git log --oneline`)",
        "không có phiên bản '{rev}': hãy ghi một commit, tag hoặc nhánh của kho này "
        "(xem `git log --oneline`)",
    ),
    "outside-repository": Texts(
        "{where} lies outside the git repository at {root}",
        "{where} nằm ngoài kho git ở {root}",
    ),
    "rev-no-file": Texts(
        "file {spec} does not exist at revision {rev}",
        "tệp {spec} không có ở phiên bản {rev}",
    ),
    "rev-no-folder": Texts(
        "folder {spec} does not exist at revision {rev}",
        "thư mục {spec} không có ở phiên bản {rev}",
    ),
    "rev-link-out": Texts(
        "at revision {rev}, {spec} is reached through the link {link}, which leads outside "
        "the repository; pqp reads nothing from outside the commit",
        "ở phiên bản {rev}, {spec} đi qua liên kết {link}, liên kết này dẫn ra ngoài kho; "
        "pqp không đọc gì ngoài commit",
    ),
    "rev-is-link-out": Texts(
        "at revision {rev}, {spec} is a link that leads outside the repository; pqp reads "
        "nothing from outside the commit",
        "ở phiên bản {rev}, {spec} là liên kết dẫn ra ngoài kho; pqp không đọc gì ngoài commit",
    ),
    "rev-link-loop": Texts(
        "at revision {rev}, {spec} goes round a loop of links (at {link}); pqp reads no such path",
        "ở phiên bản {rev}, {spec} đi vòng qua một vòng lặp liên kết (ở {link}); pqp không "
        "đọc đường dẫn như vậy",
    ),
    "rev-not-file": Texts(
        "at {rev}, {spec} is not a file", "ở phiên bản {rev}, {spec} không phải là tệp"
    ),
    "rev-not-folder": Texts(
        "at {rev}, {spec} is not a folder", "ở phiên bản {rev}, {spec} không phải là thư mục"
    ),
    "rev-unsafe-name": Texts(
        "the commit holds an entry named '{name}', which would lead outside its "
        "folder or holds a control character; pqp reads no such revision (run `git fsck`)",
        "commit có mục tên '{name}', dẫn ra ngoài thư mục của nó hoặc chứa ký tự "
        "điều khiển; pqp không đọc phiên bản như vậy (hãy chạy `git fsck`)",
    ),
    "rev-escapes": Texts(
        "the entry '{name}' would be written outside the temporary folder; refused",
        "mục '{name}' sẽ được ghi ra ngoài thư mục tạm; bị từ chối",
    ),
    "rev-too-large": Texts(
        "the data at {rev} is too large to read through git (over {files} files or "
        "{mib} MiB); check out that revision instead",
        "dữ liệu ở phiên bản {rev} quá lớn để đọc qua git (quá {files} tệp hoặc "
        "{mib} MiB); hãy checkout phiên bản đó",
    ),
    "rev-bad-link": Texts(
        "the commit holds a link '{name}' whose target '{target}' holds a "
        "control character; pqp reads no such revision",
        "commit có liên kết '{name}' trỏ tới '{target}' chứa ký tự điều "
        "khiển; pqp không đọc phiên bản như vậy",
    ),
    "rev-twice": Texts(
        "the commit lists '{name}' twice (or as a file and a folder); "
        "pqp reads no such revision (run `git fsck` on it)",
        "commit liệt kê '{name}' hai lần (hoặc vừa là tệp vừa là thư mục); "
        "pqp không đọc phiên bản như vậy (hãy chạy `git fsck`)",
    ),
    "rev-unwritable": Texts(
        "pqp could not write '{name}' of the commit into its temporary copy ({reason}); "
        "pqp reads no such revision",
        "pqp không ghi được '{name}' của commit vào bản sao tạm ({reason}); "
        "pqp không đọc phiên bản như vậy",
    ),
    # --- figures that need more than the data gives ---
    "by-needs-province": Texts(
        "--by {level} needs the plan's province, and targets.yaml names none: set "
        "plan.province (e.g. 'Thanh Hóa'){grouping}",
        "--by {level} cần biết tỉnh của kế hoạch, mà targets.yaml chưa ghi: hãy ghi "
        "plan.province (vd. 'Thanh Hóa'){grouping}",
    ),
    "by-province-unknown": Texts(
        "--by {level} needs the plan's province in pqp's register, and {province!r} is not "
        "one: set plan.province in targets.yaml (e.g. 'Thanh Hóa'){grouping}; see `pqp validate`",
        "--by {level} cần tỉnh của kế hoạch có trong danh mục của pqp, mà {province!r} thì "
        "không: hãy ghi plan.province trong targets.yaml (vd. 'Thanh Hóa'){grouping}; xem "
        "`pqp validate`",
    ),
    "grouping-district": Texts("", " để nhóm theo huyện"),
    "grouping-commune": Texts("", " để nhóm theo xã"),
}
