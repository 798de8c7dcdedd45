#!/usr/bin/env bash
# Every read command's output, in every format and both languages, on the bundled sample and on
# a broken copy of it, into OUTDIR: run it with two builds of pqp and compare the folders with
# scripts/compare_outputs.py to show a refactoring changed no output.
#
#   scripts/snapshot_outputs.sh PQP OUTDIR      e.g. scripts/snapshot_outputs.sh .venv/bin/pqp /tmp/before
set -euo pipefail
PQP=$(realpath "$1"); OUT=$(realpath -m "$2"); ROOT=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$OUT"; mkdir -p "$OUT"; WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
commit() {  # fixed dates: the same commit ids on every run, so diff and --rev outputs compare
  GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z \
    git -c user.email=snap@example.invalid -c user.name=snap commit -qm "$1"
}

# The sample at two revisions (a target changed between them) and a broken copy whose second
# revision holds an out-of-period date, an unknown reference, a bad tax code, a duplicate id, a
# missing and an unknown field, an unknown scheme, a YAML syntax error and an invalid target.
for ds in sample broken; do
  mkdir "$WORK/$ds"; cp -r "$ROOT/data" "$ROOT/targets.yaml" "$WORK/$ds/"
  rm -rf "$WORK/$ds/data/.pqp-cache"; (cd "$WORK/$ds" && git init -q && git add -A && commit A)
done
(cd "$WORK/sample" && sed -i "s/target: 150/target: 160/" targets.yaml && git add -A && commit B)
(cd "$WORK/broken" && python3 - <<'PY'
import pathlib
def edit(path, old, new):
    p = pathlib.Path(path); p.write_text(p.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
training = sorted(pathlib.Path("data/trainings").glob("*.yaml"))[0]
edit(training, "date: 20", "date: 19")
edit(training, "participants:\n", "participants:\n  - CS-99999\n")
ent = pathlib.Path("data/enterprises.yaml"); lines = ent.read_text(encoding="utf-8").splitlines(True)
starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
ent.write_text("".join(lines) + "".join(lines[starts[0]:starts[1]])
               + "- id: CS-BAD\n  name: ''\n  founded: 2030-02-30\n", encoding="utf-8")
edit(ent, "tax_code: ", "tax_code: 12")
cert = sorted(pathlib.Path("data/certifications").rglob("*.yaml"))[0]
p = cert.read_text(encoding="utf-8"); at = p.index("scheme: "); end = p.index("\n", at)
cert.write_text(p[:at] + "scheme: ISO 99999" + p[end:], encoding="utf-8")
pathlib.Path("data/certifications/zz-broken.yaml").write_text("\t- bad: [\n", encoding="utf-8")
edit("targets.yaml", "target: 400", "target: -5")
PY
git add -A && commit B)

run() { local name=$1; shift; set +e; "$PQP" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; set -e; }
for ds in sample broken; do
  cd "$WORK/$ds"
  for lang in en vi; do
    for d in 2023-12-31 2025-12-31; do
      for f in table json csv markdown; do
        run "$ds-status-$lang-$d-$f" status --as-of $d --lang $lang --format $f --no-cache
        run "$ds-statusby-$lang-$d-$f" status --as-of $d --lang $lang --format $f --by year --by locality --projection
      done
      for t in $(grep -oE '^  - id: \S+' targets.yaml | awk '{print $3}') T99; do
        for f in text json markdown; do
          run "$ds-explain-$t-$lang-$d-$f" explain "$t" --as-of $d --lang $lang --format $f
        done
      done
      for f in html md xlsx docx; do
        run "$ds-report-$lang-$d-$f" report --as-of $d --lang $lang --format $f -o "$OUT/$ds-report-$lang-$d.$f"
      done
    done
    for f in text json github; do run "$ds-validate-$lang-$f" validate --lang $lang --format $f; done
    for f in text json markdown; do
      run "$ds-diff-$lang-$f" diff HEAD~1 HEAD --as-of 2025-12-31 --lang $lang --format $f
    done
    run "$ds-rev-$lang" status --rev HEAD~1 --as-of 2025-12-31 --lang $lang --format json
  done
done
echo "$(ls "$OUT" | wc -l) files in $OUT"
