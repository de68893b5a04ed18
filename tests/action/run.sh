#!/usr/bin/env bash
# Tests the GitHub Action (action.yml and its scripts in action/) without
# GitHub: it sets the variables the runner sets (GITHUB_ACTION_PATH,
# GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP, RUNNER_TOOL_CACHE, RUNNER_OS,
# GITHUB_WORKSPACE) to temporary files and directories, then
#   1. checks action.yml: it parses, is a composite action, and no `run:`
#      pastes an expression (`${{ … }}`) into a script;
#   2. runs action/cache-key.sh: stable, and changed by any source change
#      (on a copy of the sources, the repository is not touched);
#   3. runs action/install.sh: a release build with `cargo install` into a
#      temporary root (CARGO_TARGET_DIR=target/install keeps the compiled
#      artifacts between runs), then again with a cargo that must not run;
#   4. runs action/run.sh on examples/weak.md and examples/strong.md:
#      exit codes, annotations, SARIF, fail-on, paths with spaces, quoting,
#      no command injection through inputs;
#   5. runs the steps of action.yml in order, as the runner would, with the
#      `${{ inputs.* }}` / `${{ steps.*.outputs.* }}` expressions evaluated.
# Prints a PASS or FAIL line per check; exits 1 if any check failed.
#
#     bash tests/action/run.sh
# The checks below pass code to `eval` in single quotes on purpose.
# shellcheck disable=SC2016
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/resume-lint-action-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
START=$SECONDS

passes=0
failures=0
pass() {
    echo "PASS $1"
    passes=$((passes + 1))
}
fail() {
    echo "FAIL $1"
    failures=$((failures + 1))
    shift
    local f
    for f in "$@"; do
        # Indented, so that the runner does not read a workflow command
        # (`::error …`) in a failure's output when this runs on GitHub.
        if [[ -f $f ]]; then
            echo "    --- $(basename "$f")"
            head -n 30 "$f" | sed 's/^/    | /'
        fi
    done
}
# check NAME COMMAND...: PASS if COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name" "${SHOW[@]+"${SHOW[@]}"}"; fi
}
SHOW=()

# The value of KEY in a GITHUB_OUTPUT-style file (the last one wins).
output() { sed -n "s/^$1=//p" "$2" | tail -n 1; }

# --- the runner's environment -------------------------------------------
# Nothing of a real runner leaks in (this may itself run on GitHub Actions).
unset GITHUB_ACTIONS GITHUB_OUTPUT GITHUB_PATH GITHUB_ENV GITHUB_STEP_SUMMARY \
    GITHUB_STATE ImageOS RESUME_LINT_BIN RESUME_LINT_ROOT INPUT_PATHS INPUT_ARGS \
    INPUT_FAIL_ON INPUT_OUTPUT_FORMAT INPUT_SARIF_FILE
export GITHUB_ACTION_PATH=$REPO
export GITHUB_WORKSPACE=$TMP/workspace
export RUNNER_TEMP=$TMP/runner-temp
export RUNNER_TOOL_CACHE=$TMP/tool-cache
export RUNNER_OS=Linux
export RUNNER_ARCH=X64
export CARGO_TARGET_DIR=$REPO/target/install
export NO_COLOR=1
mkdir -p "$GITHUB_WORKSPACE" "$RUNNER_TEMP" "$RUNNER_TOOL_CACHE"

# step NAME SCRIPT [VAR=VALUE...]: runs action/SCRIPT in the workspace with
# the variables set and fresh GITHUB_OUTPUT/GITHUB_PATH files, as the runner
# runs a `shell: bash` step. Leaves $NAME.{out,err,github-output,github-path}
# in $TMP/steps and the exit code in $RC.
mkdir -p "$TMP/steps"
step() {
    local name=$1 script=$2
    shift 2
    local base=$TMP/steps/$name
    : >"$base.github-output"
    : >"$base.github-path"
    set +e
    (
        cd "$GITHUB_WORKSPACE"
        env GITHUB_OUTPUT="$base.github-output" GITHUB_PATH="$base.github-path" "$@" \
            bash --noprofile --norc -eo pipefail "$REPO/action/$script" \
            >"$base.out" 2>"$base.err"
    )
    RC=$?
    set -e
    OUT=$base.out ERR=$base.err GH_OUTPUT=$base.github-output GH_PATH=$base.github-path
    SHOW=("$OUT" "$ERR" "$GH_OUTPUT")
}

# --- 1. action.yml --------------------------------------------------------
PYTHON=python3
if ! python3 -c 'import yaml' 2>/dev/null; then
    echo "(PyYAML is missing: installing it into a temporary venv)"
    if python3 -m venv "$TMP/venv" >/dev/null 2>&1 &&
        "$TMP/venv/bin/pip" install --quiet pyyaml >/dev/null 2>&1; then
        PYTHON=$TMP/venv/bin/python
    fi
fi

check_action_yml() {
    "$PYTHON" - "$REPO" <<'PY'
import os, re, sys, yaml

repo = sys.argv[1]
with open(os.path.join(repo, "action.yml"), encoding="utf-8") as f:
    action = yaml.safe_load(f)
problems = []
for key in ("name", "description", "author", "branding", "inputs", "runs"):
    if key not in action:
        problems.append(f"no top-level {key!r}")
branding = action.get("branding") or {}
if not branding.get("icon") or not branding.get("color"):
    problems.append("branding needs icon and color")
runs = action.get("runs") or {}
if runs.get("using") != "composite":
    problems.append(f"runs.using is {runs.get('using')!r}, not 'composite'")
inputs = action.get("inputs") or {}
for name in ("paths", "args", "fail-on", "output-format", "sarif-file"):
    if name not in inputs:
        problems.append(f"no input {name!r}")
for name, spec in inputs.items():
    if "description" not in spec or "default" not in spec:
        problems.append(f"input {name!r} needs a description and a default")
EXPR = re.compile(r"\$\{\{(.*?)\}\}", re.S)
ids, text = [], []
for i, step in enumerate(runs.get("steps") or []):
    where = f"step {i + 1} ({step.get('name', step.get('id', '?'))})"
    for m in EXPR.finditer(yaml.safe_dump({k: v for k, v in step.items() if k != "run"})):
        ref = re.match(r"\s*steps\.([A-Za-z0-9_-]+)\.", m.group(1))
        if ref and ref.group(1) not in ids:
            problems.append(f"{where} uses steps.{ref.group(1)} before it runs")
    if step.get("if"):
        for ref in re.findall(r"steps\.([A-Za-z0-9_-]+)\.", step["if"]):
            if ref not in ids:
                problems.append(f"{where}: `if` uses steps.{ref} before it runs")
    if "run" in step:
        run = step["run"]
        if "${{" in run:
            problems.append(f"{where}: `run:` contains an expression (use env:): {run!r}")
        if step.get("shell") != "bash":
            problems.append(f"{where}: a composite `run:` step needs shell: bash")
        for script in re.findall(r"\$GITHUB_ACTION_PATH/(action/[A-Za-z0-9_.-]+)", run):
            if not os.path.isfile(os.path.join(repo, script)):
                problems.append(f"{where}: {script} does not exist")
    elif "uses" not in step:
        problems.append(f"{where}: neither run nor uses")
    if "id" in step:
        ids.append(step["id"])
    text.append(yaml.safe_dump(step))
text = "\n".join(text)
for name in inputs:
    if not re.search(r"\$\{\{\s*inputs\." + re.escape(name) + r"\s*\}\}", text):
        problems.append(f"input {name!r} is never passed to a step")
for name, spec in (action.get("outputs") or {}).items():
    ref = re.match(r"\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.", str(spec.get("value", "")))
    if not ref or ref.group(1) not in ids:
        problems.append(f"output {name!r} does not come from a step of the action")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
}
if "$PYTHON" -c 'import yaml' 2>/dev/null; then
    if "$PYTHON" -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$REPO/action.yml" \
        >"$TMP/yaml.err" 2>&1; then
        pass "action.yml parses as YAML"
    else
        fail "action.yml parses as YAML" "$TMP/yaml.err"
    fi
    if check_action_yml >"$TMP/action-yml.txt" 2>&1; then
        pass "action.yml: composite, inputs/outputs wired, no \${{ }} in run:, scripts exist"
    else
        fail "action.yml: composite, inputs/outputs wired, no \${{ }} in run:, scripts exist" \
            "$TMP/action-yml.txt"
    fi
else
    fail "action.yml parses as YAML (PyYAML is not available and could not be installed)"
fi
# The same injection rule without YAML: no `run:` line holds `${{`.
if grep -nE '^[[:space:]]*(-[[:space:]]+)?run:.*\$\{\{' "$REPO/action.yml" >"$TMP/grep.txt"; then
    fail "no run: line in action.yml interpolates \${{ … }}" "$TMP/grep.txt"
else
    pass "no run: line in action.yml interpolates \${{ … }}"
fi
for s in "$REPO"/action/*.sh "$REPO/tests/action/run.sh"; do
    check "bash -n ${s#"$REPO"/}" bash -n "$s"
done
if command -v shellcheck >/dev/null 2>&1; then
    check "shellcheck action/*.sh" shellcheck -S warning "$REPO"/action/*.sh
fi

# --- 2. cache-key.sh -------------------------------------------------------
step key-repo cache-key.sh
KEY=$(output key "$GH_OUTPUT")
ROOT=$(output root "$GH_OUTPUT")
BIN=$(output bin "$GH_OUTPUT")
check "cache-key.sh writes key, root and bin to GITHUB_OUTPUT" \
    test "$RC" = 0 -a -n "$KEY" -a -n "$ROOT" -a "$BIN" = "$ROOT/bin/resume-lint"
check "the key names the OS and arch: $KEY" \
    eval '[[ $KEY == resume-lint-v1-Linux-X64-*-???????????????????????????????? ]]'
check "the install root is under RUNNER_TOOL_CACHE" \
    eval '[[ $ROOT == "$RUNNER_TOOL_CACHE/resume-lint/$KEY" ]]'

SRC=$TMP/key-src
mkdir -p "$SRC"
cp -R "$REPO/Cargo.toml" "$REPO/Cargo.lock" "$REPO/build.rs" "$REPO/src" "$REPO/rules" "$SRC/"
key_of() {
    step key cache-key.sh GITHUB_ACTION_PATH="$SRC" "$@"
    output key "$GH_OUTPUT"
}
K1=$(key_of)
K2=$(key_of)
check "the key is stable (twice the same)" test -n "$K1" -a "$K1" = "$K2"
check "the key does not depend on the working directory" \
    test "$(cd / && GITHUB_OUTPUT=/dev/null GITHUB_ACTION_PATH=$SRC bash "$REPO/action/cache-key.sh" |
        sed -n 's/^key=//p')" = "$K1"
cp "$SRC/src/main.rs" "$TMP/main.rs.orig"
echo "// a change" >>"$SRC/src/main.rs"
check "the key changes when a file in src/ changes" test "$(key_of)" != "$K1"
cp "$TMP/main.rs.orig" "$SRC/src/main.rs"
check "the key comes back when the change is undone" test "$(key_of)" = "$K1"
first_rule=$(find "$SRC/rules" -name '*.toml' | LC_ALL=C sort | head -n 1)
cp "$first_rule" "$TMP/rule.orig"
echo "# a change" >>"$first_rule"
check "the key changes when a rule in rules/ changes" test "$(key_of)" != "$K1"
cp "$TMP/rule.orig" "$first_rule"
echo "// new" >"$SRC/src/zz_new.rs"
check "the key changes when a file is added to src/" test "$(key_of)" != "$K1"
rm "$SRC/src/zz_new.rs"
echo "# comment" >>"$SRC/Cargo.lock"
check "the key changes when Cargo.lock changes" test "$(key_of)" != "$K1"
cp "$REPO/Cargo.lock" "$SRC/Cargo.lock"
echo "// comment" >>"$SRC/build.rs"
check "the key changes when build.rs changes" test "$(key_of)" != "$K1"
cp "$REPO/build.rs" "$SRC/build.rs"
echo "docs" >"$SRC/README.md"
check "the key ignores files the binary is not built from (README.md)" test "$(key_of)" = "$K1"
check "the key changes with the runner's OS" test "$(key_of RUNNER_OS=macOS)" != "$K1"
check "the key changes with the runner image (ImageOS)" \
    eval '[[ $(key_of ImageOS=ubuntu24) == resume-lint-v1-Linux-X64-ubuntu24-* && $(key_of ImageOS=ubuntu24) != "$(key_of ImageOS=ubuntu22)" ]]'
step key-none cache-key.sh GITHUB_ACTION_PATH="$TMP/nowhere"
check "cache-key.sh fails without a checkout at GITHUB_ACTION_PATH" test "$RC" != 0

# --- 3. install.sh ---------------------------------------------------------
echo "(installing resume-lint with cargo install; CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
t0=$SECONDS
step install install.sh RESUME_LINT_ROOT="$ROOT" RESUME_LINT_BIN="$BIN"
INSTALL_SECONDS=$((SECONDS - t0))
check "install.sh builds and installs resume-lint (${INSTALL_SECONDS}s)" test "$RC" = 0
check "the binary is at the bin output and runs" \
    eval '[[ -x $BIN && $(output bin "$GH_OUTPUT") == "$BIN" ]] && "$BIN" --version >/dev/null'
check "install.sh reports installed=true" test "$(output installed "$GH_OUTPUT")" = true
check "install.sh adds the binary's directory to GITHUB_PATH" \
    grep -qxF "$ROOT/bin" "$GH_PATH"

mkdir -p "$TMP/fake-cargo"
printf '#!/bin/sh\ntouch "%s"\nexit 99\n' "$TMP/cargo-ran" >"$TMP/fake-cargo/cargo"
chmod +x "$TMP/fake-cargo/cargo"
step install-cached install.sh RESUME_LINT_ROOT="$ROOT" RESUME_LINT_BIN="$BIN" \
    PATH="$TMP/fake-cargo:$PATH"
check "install.sh skips cargo when the cached binary is there" \
    eval '[[ $RC == 0 && ! -e $TMP/cargo-ran ]] && grep -q "Using the cached" "$OUT"'
check "install.sh reports installed=false for a cached binary" \
    test "$(output installed "$GH_OUTPUT")" = false

mkdir -p "$TMP/no-cargo"
ln -s "$(command -v bash)" "$TMP/no-cargo/bash"
step install-no-cargo install.sh RESUME_LINT_ROOT="$TMP/empty-root" PATH="$TMP/no-cargo"
check "install.sh fails clearly without cargo" \
    eval '[[ $RC == 2 ]] && grep -q "cargo is not installed" "$ERR"'

if [[ ! -x $BIN ]]; then
    echo "FAIL no binary, the remaining checks cannot run"
    exit 1
fi

# --- 4. run.sh ---------------------------------------------------------------
WS=$GITHUB_WORKSPACE
cp "$REPO/examples/weak.md" "$REPO/examples/strong.md" "$WS/"
mkdir -p "$WS/my resumes"
cp "$REPO/examples/weak.md" "$WS/my resumes/weak resume.md"
cp "$REPO/examples/strong.md" "$WS/my resumes/strong resume.md"

# lint NAME VAR=VALUE...: run.sh with the action's defaults, and overrides.
lint() {
    local name=$1
    shift
    step "$name" run.sh RESUME_LINT_BIN="$BIN" INPUT_PATHS=. INPUT_ARGS= \
        INPUT_FAIL_ON=warning INPUT_OUTPUT_FORMAT=github INPUT_SARIF_FILE= "$@"
}
annotations() { grep -cE '^::(error|warning|notice) ' "$1" || true; }
valid_sarif() {
    "$PYTHON" - "$1" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["version"] == "2.1.0", doc.get("version")
assert isinstance(doc["runs"], list) and doc["runs"], "no runs"
print(sum(len(run.get("results", [])) for run in doc["runs"]))
PY
}

lint weak INPUT_PATHS=weak.md
cp "$OUT" "$TMP/weak-github.out"
check "weak.md: exit code 1" test "$RC" = 1
check "weak.md: ::error annotations on stdout" grep -qE '^::error ' "$OUT"
check "weak.md: ::warning annotations on stdout" grep -qE '^::warning ' "$OUT"
check "weak.md: annotations name the file" grep -qE '^::[a-z]+ .*file=weak\.md' "$OUT"
check "weak.md: exit-code=1 in GITHUB_OUTPUT" test "$(output exit-code "$GH_OUTPUT")" = 1
check "weak.md: the command is logged on stderr" grep -q '^+ resume-lint .*--output-format github' "$ERR"

lint weak-sarif INPUT_PATHS=weak.md INPUT_SARIF_FILE=reports/resume-lint.sarif
check "weak.md + sarif-file: exit code still 1" test "$RC" = 1
check "weak.md + sarif-file: stdout is the same annotations as without" \
    cmp -s "$OUT" "$TMP/weak-github.out"
check "weak.md + sarif-file: the SARIF file is written (directory created)" \
    test -s "$WS/reports/resume-lint.sarif"
SARIF_RESULTS=$(valid_sarif "$WS/reports/resume-lint.sarif" 2>"$TMP/sarif.err" || echo invalid)
SHOW=("$TMP/sarif.err")
check "weak.md + sarif-file: valid JSON, version 2.1.0, with results ($SARIF_RESULTS)" \
    eval '[[ $SARIF_RESULTS =~ ^[0-9]+$ && $SARIF_RESULTS -gt 0 ]]'
check "weak.md + sarif-file: sarif-file in GITHUB_OUTPUT" \
    test "$(output sarif-file "$GH_OUTPUT")" = reports/resume-lint.sarif

lint strong INPUT_PATHS=strong.md INPUT_SARIF_FILE=strong.sarif
check "strong.md: exit code 0" test "$RC" = 0
check "strong.md: no annotations" test "$(annotations "$OUT")" = 0
check "strong.md: SARIF with no results" test "$(valid_sarif "$WS/strong.sarif" 2>&1)" = 0
check "strong.md: exit-code=0 in GITHUB_OUTPUT" test "$(output exit-code "$GH_OUTPUT")" = 0

lint never INPUT_PATHS=weak.md INPUT_FAIL_ON=never
check "weak.md, fail-on never: exit code 0" test "$RC" = 0
check "weak.md, fail-on never: the annotations are still there" grep -qE '^::warning ' "$OUT"

lint error INPUT_PATHS=weak.md INPUT_FAIL_ON=error
check "weak.md, fail-on error: exit code 1 (it has errors)" test "$RC" = 1

lint bad-fail-on INPUT_PATHS=weak.md INPUT_FAIL_ON=sometimes
check "fail-on sometimes: exit code 2" test "$RC" = 2

lint space-single INPUT_PATHS="'my resumes/weak resume.md'"
check "a path with a space, in '…': exit code 1" test "$RC" = 1
check "a path with a space: annotations name it" \
    grep -qF 'file=my resumes/weak resume.md' "$OUT"
lint space-double INPUT_PATHS='strong.md "my resumes/strong resume.md"'
check "two paths, one with a space in \"…\": exit code 0" test "$RC" = 0
lint space-lines INPUT_PATHS=$'strong.md\n"my resumes"\n'
check "paths one per line, a directory with a space: exit code 1" test "$RC" = 1
check "the directory is walked: annotations for the file in it" \
    grep -qF 'file=my resumes/weak resume.md' "$OUT"
lint space-unquoted INPUT_PATHS='my resumes/weak resume.md'
check "an unquoted path with a space is two paths that do not exist: exit code 2" \
    test "$RC" = 2
lint unmatched INPUT_PATHS="'weak.md"
check "an unmatched quote: exit code 2 and an error annotation" \
    eval '[[ $RC == 2 ]] && grep -q "^::error .*unmatched quote" "$OUT"'

lint newline-in-message INPUT_PATHS=$'"weak.md\n::notice::injected'
check "an input cannot start a workflow command of its own (newline escaped)" \
    eval '[[ $RC == 2 ]] && ! grep -q "^::notice::injected" "$OUT" "$ERR"'

lint default-paths INPUT_PATHS=
# (Paths found by walking `.` may be shown as ./my resumes/….)
check "empty paths lint the working directory: exit code 1" \
    eval '[[ $RC == 1 ]] && grep -qE "file=(\./)?my resumes/weak resume\.md" "$OUT"'

lint args INPUT_PATHS=weak.md INPUT_OUTPUT_FORMAT=concise INPUT_ARGS='--select ats-heading'
check "args are passed (--select ats-heading): exit code 1" test "$RC" = 1
check "args are passed: only ats-heading findings" \
    eval 'grep -qF "[ats-heading]" "$OUT" && ! grep -E "^[^ ]+:[0-9]+:[0-9]+: " "$OUT" | grep -vqF "[ats-heading]"'

lint exit-zero INPUT_PATHS=weak.md INPUT_ARGS='--exit-zero' INPUT_SARIF_FILE=ez.sarif
check "args --exit-zero with sarif-file: exit code 0 and SARIF written" \
    eval '[[ $RC == 0 ]] && [[ $(valid_sarif "$WS/ez.sarif") -gt 0 ]]'
lint reserved INPUT_PATHS=weak.md INPUT_ARGS='--fail-on never'
check "args --fail-on is refused (use the input): exit code 2" \
    eval '[[ $RC == 2 ]] && grep -q "use the fail-on input" "$OUT"'

rm -f "$WS"/pwned*
lint injection INPUT_PATHS='$(touch pwned1) `touch pwned2`' \
    INPUT_ARGS='--select ats-heading;touch pwned3' INPUT_SARIF_FILE='$(touch pwned4)'
check "inputs are not executed: no command ran" \
    eval '! compgen -G "$WS/pwned*" >/dev/null && ! compgen -G "$WS/*/pwned*" >/dev/null'
check "inputs are not executed: exit code 2 (no such paths)" test "$RC" = 2

lint sarif-unwritable INPUT_PATHS=weak.md INPUT_SARIF_FILE=weak.md/x.sarif
check "SARIF cannot be written, findings: exit code 1 (the lint's) and an error" \
    eval '[[ $RC == 1 ]] && grep -q "^::error .*could not write the SARIF file" "$OUT"'
lint sarif-unwritable-clean INPUT_PATHS=strong.md INPUT_SARIF_FILE=strong.md/x.sarif
check "SARIF cannot be written, clean: exit code 2" test "$RC" = 2

lint missing INPUT_PATHS='missing.md weak.md' INPUT_SARIF_FILE=missing.sarif
check "a missing file: exit code 2, SARIF still written" \
    eval '[[ $RC == 2 ]] && [[ $(valid_sarif "$WS/missing.sarif") -gt 0 ]]'

lint on-path INPUT_PATHS=weak.md RESUME_LINT_BIN= PATH="$ROOT/bin:$PATH"
check "without RESUME_LINT_BIN, resume-lint on PATH is used" test "$RC" = 1
lint no-binary INPUT_PATHS=weak.md RESUME_LINT_BIN= PATH="$TMP/no-cargo"
check "without a binary: exit code 2" test "$RC" = 2

# --- 5. action.yml, step by step ------------------------------------------
# Runs the `run:` steps of action.yml in order with `bash -eo pipefail`, as
# the runner does; `uses:` steps (actions/cache) are skipped (a cache miss).
# Prints "<conclusion> <exit code of the failed step or 0>", then each action
# output as NAME=VALUE.
simulate() {
    "$PYTHON" - "$REPO" "$TMP/sim" "$@" <<'PY'
import json, os, re, subprocess, sys, yaml

repo, work, overrides = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
action = yaml.safe_load(open(os.path.join(repo, "action.yml"), encoding="utf-8"))
inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
for k in overrides:
    if k not in inputs:
        sys.exit(f"no input {k!r}")
inputs.update(overrides)
outputs, env = {}, dict(os.environ)
os.makedirs(work, exist_ok=True)

def value(e):
    e = e.strip()
    if m := re.fullmatch(r"inputs\.([\w-]+)", e):
        return inputs[m.group(1)]
    if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", e):
        return outputs.get(m.group(1), {}).get(m.group(2), "")
    if e == "github.action_path":
        return env["GITHUB_ACTION_PATH"]
    if m := re.fullmatch(r"runner\.(os|arch|temp|tool_cache)", e):
        return env["RUNNER_" + m.group(1).upper()]
    raise SystemExit(f"the simulator does not know the expression {e!r}")

def expand(s):
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: value(m.group(1)), str(s))

conclusion, code = "success", 0
for i, step in enumerate(action["runs"]["steps"]):
    if "uses" in step:
        for v in (step.get("with") or {}).values():
            expand(v)  # every expression must resolve
        continue
    if "if" in step:
        raise SystemExit("the simulator does not evaluate `if` on run steps")
    files = {n: os.path.join(work, f"{i}.{n}") for n in ("sh", "out", "err", "output", "path")}
    for n in ("output", "path"):
        open(files[n], "w").close()
    with open(files["sh"], "w") as f:
        f.write(step["run"])
    step_env = dict(env, GITHUB_OUTPUT=files["output"], GITHUB_PATH=files["path"])
    step_env.update({k: expand(v) for k, v in (step.get("env") or {}).items()})
    with open(files["out"], "w") as out, open(files["err"], "w") as err:
        rc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", files["sh"]],
                            env=step_env, cwd=env["GITHUB_WORKSPACE"], stdout=out, stderr=err).returncode
    got = {}
    for line in open(files["output"], encoding="utf-8"):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            got[k] = v
    if "id" in step:
        outputs[step["id"]] = got
    for line in open(files["path"], encoding="utf-8"):
        if line.strip():
            env["PATH"] = line.strip() + os.pathsep + env["PATH"]
    if rc != 0:
        conclusion, code = "failure", rc
        break
print(conclusion, code)
for name, spec in (action.get("outputs") or {}).items():
    print(f"{name}={expand(spec['value'])}")
PY
}
sim() {
    local name=$1
    shift
    rm -rf "$TMP/sim"
    set +e
    simulate "$@" >"$TMP/steps/$name.sim" 2>&1
    set -e
    SIM=$TMP/steps/$name.sim
    SHOW=("$SIM" "$TMP"/sim/*.out "$TMP"/sim/*.err)
}
sim action-weak '{"paths": "weak.md", "sarif-file": "sim/resume-lint.sarif"}'
check "action.yml run on weak.md: the job fails with exit code 1" \
    test "$(head -n 1 "$SIM")" = "failure 1"
check "action.yml run on weak.md: outputs exit-code=1 and sarif-file" \
    eval 'grep -qx "exit-code=1" "$SIM" && grep -qx "sarif-file=sim/resume-lint.sarif" "$SIM"'
check "action.yml run on weak.md: annotations in the run step's log" \
    eval 'cat "$TMP"/sim/*.out | grep -qE "^::error "'
check "action.yml run on weak.md: the SARIF file is valid" \
    eval '[[ $(valid_sarif "$WS/sim/resume-lint.sarif") -gt 0 ]]'
# Someone editing src/ while this runs changes the key: a rebuild is right then.
if [[ $(GITHUB_OUTPUT=/dev/null bash "$REPO/action/cache-key.sh" | sed -n 's/^bin=//p') == "$BIN" ]]; then
    check "action.yml run on weak.md: the cached binary was used, not rebuilt" \
        eval 'cat "$TMP"/sim/*.out | grep -q "Using the cached"'
else
    echo "SKIP action.yml used the cached binary (the sources changed during the test)"
fi
sim action-strong '{"paths": "strong.md"}'
check "action.yml run on strong.md: the job succeeds" test "$(head -n 1 "$SIM")" = "success 0"
check "action.yml run on strong.md: outputs exit-code=0 and the binary path" \
    eval 'grep -qx "exit-code=0" "$SIM" && grep -qx "resume-lint=$RUNNER_TOOL_CACHE/resume-lint/.*/bin/resume-lint" "$SIM"'
sim action-never '{"paths": "weak.md", "fail-on": "never"}'
check "action.yml run on weak.md, fail-on never: the job succeeds" \
    test "$(head -n 1 "$SIM")" = "success 0"

echo
echo "$passes passed, $failures failed in $((SECONDS - START))s (install: ${INSTALL_SECONDS}s)"
((failures == 0))
