#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit framework.
#
# 1. Installs pre-commit from PyPI into a throwaway venv (PRE_COMMIT_VERSION
#    pins it, e.g. PRE_COMMIT_VERSION=4.7.0), with PRE_COMMIT_HOME beside it.
# 2. Snapshots this repository's working tree (tracked and untracked files
#    that are not ignored, less files deleted from the worktree) into a
#    temporary git repository and commits it, so the hook is tested as the
#    tree is now, not as the last commit.
# 3. Makes a "resume repository" whose .pre-commit-config.yaml points at the
#    snapshot, and checks what `pre-commit run --all-files` does with a weak
#    resume, a plain-text CV, decoys the files pattern must leave alone, and
#    then a strong resume.
#
# pre-commit builds the hook with `cargo install`; CARGO_TARGET_DIR points it
# at target/install so later runs reuse the compiled dependencies.
# PRECOMMIT_SHOW=1 prints pre-commit's output of both runs even when they pass.
# Needs python3 (with venv), git, cargo and access to PyPI and crates.io.
# Exit status: 0 all checks passed, 1 a check failed, 2 set-up failed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
START=$SECONDS

die() { echo "precommit: ERROR: $*" >&2; exit 2; }
for tool in python3 git cargo; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not on PATH"
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/resume-lint-precommit.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

export PRE_COMMIT_HOME="$TMP/pre-commit-home"
export CARGO_TARGET_DIR="$REPO/target/install"

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: PASS if the command succeeds.
check() {
    local what="$1"; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
has() { grep -Eq -- "$2" "$1"; }
lacks() { ! grep -Fq -- "$2" "$1"; }
show() {
    echo "---- $1 ----"
    sed 's/^/| /' "$1"
    echo "----"
}

# --- 1. the framework -------------------------------------------------------
echo "precommit: installing pre-commit${PRE_COMMIT_VERSION:+ $PRE_COMMIT_VERSION} into $TMP/venv"
python3 -m venv "$TMP/venv" || die "python3 -m venv failed"
"$TMP/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "pre-commit${PRE_COMMIT_VERSION:+==$PRE_COMMIT_VERSION}" ||
    die "pip install pre-commit failed"
PC="$TMP/venv/bin/pre-commit"
echo "precommit: using $("$PC" --version), $(cargo --version)"

check "pre-commit validate-manifest accepts .pre-commit-hooks.yaml" \
    "$PC" validate-manifest "$REPO/.pre-commit-hooks.yaml"

# The hook's files pattern and types_or, as pre-commit applies them
# (re.search on the repository-relative path; identify's tags by name).
cat >"$TMP/filter.py" <<'EOF'
import re
import sys

import yaml
from identify.identify import tags_from_filename

(hook,) = [h for h in yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
           if h["id"] == "resume-lint"]
files = re.compile(hook["files"])
types_or = set(hook["types_or"])

def reaches(path):
    return bool(files.search(path)) and bool(types_or & tags_from_filename(path))

# identify's tags that types_or relies on
assert "markdown" in tags_from_filename("resume.md"), "resume.md not markdown"
assert "markdown" in tags_from_filename("resume.markdown"), ".markdown"
assert "plain-text" in tags_from_filename("resume.txt"), "resume.txt not plain-text"

linted = [
    "resume.md", "Resume.md", "RESUME.TXT", "resume.markdown", "jane-cv.txt",
    "Jane_Doe_CV.md", "Jane Doe CV.txt", "curriculum-vitae.md",
    "CurriculumVitae.md", "curriculum_vitae.txt", "vitae.md", "cv.md",
    "resume-2024.md", "resume2024.md", "jane.resume.md", "résumé.md",
    "re\u0301sume\u0301.md", "docs/resume/2024.md", "docs/Resume/2024.md",
    "resumes/jane.md", "cv/2024.md", "cv/en/long.txt",
]
skipped = [
    "README.md", "notes.md", "recv.md", "cvs-notes.md", "cvxopt.md",
    "archive.md", "resumed.md", "presume.md", "docs/cvs/notes.md", "cv2.md",
    "resume.pdf", "resume.docx", "cv/photo.png", "resume.html",
]
bad = [p for p in linted if not reaches(p)] + [p for p in skipped if reaches(p)]
for p in bad:
    print(f"  wrong: {p!r} {'is skipped' if p in linted else 'reaches the hook'}")
sys.exit(1 if bad else 0)
EOF
check "files pattern + types_or select resume-like .md/.markdown/.txt paths only" \
    "$TMP/venv/bin/python" "$TMP/filter.py" "$REPO/.pre-commit-hooks.yaml"

# --- 2. snapshot of the working tree ----------------------------------------
SNAP="$TMP/snapshot"
mkdir -p "$SNAP"
git -C "$REPO" ls-files --cached --others --exclude-standard -z |
    sort -zu |
    while IFS= read -r -d '' f; do
        if [ -e "$REPO/$f" ] || [ -L "$REPO/$f" ]; then printf '%s\0' "$f"; fi
    done |
    tar -C "$REPO" --null --no-recursion -T - -cf - |
    tar -C "$SNAP" -xf -
[ -f "$SNAP/.pre-commit-hooks.yaml" ] || die "snapshot lacks .pre-commit-hooks.yaml"

# From here on git ignores the user's and the system's configuration.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=precommit-test GIT_AUTHOR_EMAIL=precommit-test@example.invalid
export GIT_COMMITTER_NAME=precommit-test GIT_COMMITTER_EMAIL=precommit-test@example.invalid
git -C "$SNAP" init -q
git -C "$SNAP" add -A -f
git -C "$SNAP" commit -q --no-verify -m "working tree snapshot"
SHA="$(git -C "$SNAP" rev-parse HEAD)"
echo "precommit: snapshot $(git -C "$SNAP" ls-files | wc -l) files at $SHA"

# --- 3. the resume repository -----------------------------------------------
RR="$TMP/resumes"
mkdir -p "$RR/docs/Resume"
git -C "$RR" init -q
cp "$REPO/examples/weak.md" "$RR/resume.md"
cp "$REPO/examples/plain.txt" "$RR/jane-cv.txt"
cp "$REPO/examples/weak.md" "$RR/docs/Resume/2024.md"
# Decoys with findings that the files pattern must keep from the hook.
for decoy in README.md notes.md recv.md cvs-notes.md; do
    cp "$REPO/examples/weak.md" "$RR/$decoy"
done
cat >"$RR/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $SNAP
    rev: $SHA
    hooks:
      - id: resume-lint
EOF
git -C "$RR" add -A

# run_hooks OUT: pre-commit run --all-files in the resume repository; sets RC.
run_hooks() {
    local t0=$SECONDS
    RC=0
    (cd "$RR" && "$PC" run --all-files --color never) >"$1" 2>&1 || RC=$?
    echo "precommit: pre-commit run --all-files exited $RC after $((SECONDS - t0))s"
}

# Run 1: a weak resume, a plain-text CV and a resume in a folder fail; the
# decoys are not linted. The first run builds the hook (cargo install).
OUT1="$TMP/run1.txt"
run_hooks "$OUT1"
F0=$FAILED
check "run 1 (weak resume.md) exits non-zero" [ "$RC" -ne 0 ]
check "run 1: the hook reports Failed" has "$OUT1" '^resume-lint\.+Failed'
check "run 1: findings in resume.md" has "$OUT1" '(^|[^/])resume\.md:[0-9]+'
check "run 1: rule ats-heading fired" has "$OUT1" 'ats-heading'
check "run 1: the .txt file jane-cv.txt reached the hook and was linted" \
    has "$OUT1" 'jane-cv\.txt:[0-9]+'
check "run 1: docs/Resume/2024.md (folder named Resume) was linted" \
    has "$OUT1" 'docs/Resume/2024\.md:[0-9]+'
for decoy in README.md notes.md recv.md cvs-notes.md; do
    check "run 1: $decoy is not linted" lacks "$OUT1" "$decoy"
done
check "cargo install honoured CARGO_TARGET_DIR ($CARGO_TARGET_DIR)" \
    [ -x "$CARGO_TARGET_DIR/release/resume-lint" ]
if [ "$FAILED" -ne "$F0" ]; then
    show "$OUT1"
    if [ -f "$PRE_COMMIT_HOME/pre-commit.log" ]; then show "$PRE_COMMIT_HOME/pre-commit.log"; fi
fi

# Run 2: the strong resume alone (the decoys stay) passes.
cp "$REPO/examples/strong.md" "$RR/resume.md"
rm -r "$RR/jane-cv.txt" "$RR/docs"
git -C "$RR" add -A
OUT2="$TMP/run2.txt"
run_hooks "$OUT2"
F0=$FAILED
check "run 2 (strong resume.md) exits 0" [ "$RC" -eq 0 ]
check "run 2: the hook reports Passed (not Skipped)" has "$OUT2" '^resume-lint\.+Passed'
check "run 2: README.md is still not linted" lacks "$OUT2" "README.md"
[ "$FAILED" -eq "$F0" ] || show "$OUT2"

# Run 3: the README's user-side settings. `files:` replaces the pattern (a file
# under cv/ whatever its name; resume.md outside it is left alone), `types:`
# narrows to Markdown, `args:` passes --fail-on error, and `verbose: true`
# shows the output of a passing hook.
mkdir -p "$RR/cv"
cp "$REPO/examples/plain.txt" "$RR/cv/other.md"   # warnings only
cp "$REPO/examples/weak.md" "$RR/cv/notes.txt"    # not Markdown: skipped
cp "$REPO/examples/weak.md" "$RR/resume.md"       # outside cv/: skipped
cat >"$RR/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $SNAP
    rev: $SHA
    hooks:
      - id: resume-lint
        files: ^cv/
        types: [markdown]
        args: [--fail-on, error]
        verbose: true
EOF
git -C "$RR" add -A
OUT3="$TMP/run3.txt"
run_hooks "$OUT3"
F0=$FAILED
check "run 3 (files: ^cv/, args: [--fail-on, error]) exits 0 despite warnings" [ "$RC" -eq 0 ]
check "run 3: the hook reports Passed" has "$OUT3" '^resume-lint\.+Passed'
check "run 3: cv/other.md was linted (warnings shown by verbose)" has "$OUT3" 'cv/other\.md:[0-9]+'
check "run 3: cv/notes.txt is not linted (types: [markdown])" lacks "$OUT3" "cv/notes.txt"
check "run 3: resume.md outside cv/ is not linted (files: replaced)" lacks "$OUT3" "resume.md"
[ "$FAILED" -eq "$F0" ] || show "$OUT3"
if [ -n "${PRECOMMIT_SHOW:-}" ]; then show "$OUT1"; show "$OUT2"; show "$OUT3"; fi

echo "precommit: $((SECONDS - START))s in all"
echo "precommit: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
