#!/usr/bin/env bash
# Runs resume-lint for the action; the step's exit status is resume-lint's.
#
# Reads (the action passes its inputs through `env:`, never by pasting
# `${{ inputs.* }}` into the script):
#   INPUT_PATHS          files and directories to lint (default: .)
#   INPUT_ARGS           extra arguments for resume-lint (default: none)
#   INPUT_FAIL_ON        error|warning|info|never (default: resume-lint's, warning)
#   INPUT_OUTPUT_FORMAT  full|concise|json|sarif|github|junit (default: resume-lint's, full)
#   INPUT_SARIF_FILE     if set, also write SARIF 2.1.0 to this path
#   RESUME_LINT_BIN      the binary (default: resume-lint on PATH)
#   GITHUB_OUTPUT        optional: exit-code=N and sarif-file=PATH are written there
#
# PATHS AND ARGS ARE SPLIT INTO WORDS ON PURPOSE: on spaces, tabs and newlines,
# so `paths: resume.md cv.md` or one path per line are several paths. A word
# in '…' or "…" keeps its blanks: `paths: "'My Resume.md'"`. Nothing else is
# interpreted: no variables, globs, backslash escapes or command substitution,
# so an input cannot run commands.
#
# With INPUT_SARIF_FILE, resume-lint runs a second time after the main run with
# `--output-format sarif --output-file FILE --exit-zero --quiet`; the main run's
# output and exit code are what the step reports. If the main run is clean but
# the SARIF file cannot be written, the step fails with that run's code (2).
set -euo pipefail

# split_words STRING: sets the array WORDS to STRING's words (see above).
# Returns 1 on an unmatched quote.
split_words() {
    local s=$1 n=${#1} i=0 c quote='' word='' have=0
    WORDS=()
    while ((i < n)); do
        c=${s:i:1}
        i=$((i + 1))
        if [[ -n $quote ]]; then
            if [[ $c == "$quote" ]]; then quote=''; else word+=$c; fi
            continue
        fi
        case $c in
            ' ' | $'\t' | $'\n' | $'\r')
                if ((have)); then WORDS+=("$word"); fi
                word='' have=0
                ;;
            "'" | '"') quote=$c have=1 ;;
            *) word+=$c have=1 ;;
        esac
    done
    [[ -z $quote ]] || return 1
    if ((have)); then WORDS+=("$word"); fi
    return 0
}

# An ::error annotation. The message is escaped as workflow command data, so
# that a newline in an input cannot start a workflow command of its own.
annotate_error() {
    local m=$1
    m=${m//'%'/'%25'}
    m=${m//$'\r'/'%0D'}
    m=${m//$'\n'/'%0A'}
    echo "::error title=resume-lint action::$m"
}

fail() {
    annotate_error "$*"
    echo "exit-code=2" >>"${GITHUB_OUTPUT:-/dev/null}"
    exit 2
}

bin=${RESUME_LINT_BIN:-}
if [[ -z $bin ]]; then
    bin=$(command -v resume-lint) || fail "resume-lint is not on PATH and RESUME_LINT_BIN is not set"
fi

split_words "${INPUT_PATHS:-}" || fail "paths: unmatched quote in: ${INPUT_PATHS:-}"
paths=(${WORDS[@]+"${WORDS[@]}"})
if ((${#paths[@]} == 0)); then paths=(.); fi

split_words "${INPUT_ARGS:-}" || fail "args: unmatched quote in: ${INPUT_ARGS:-}"
args=(${WORDS[@]+"${WORDS[@]}"})
# The action sets these itself; given twice, resume-lint would refuse them.
# SARIF gets its own run, so --exit-zero, --quiet and --statistics (which
# SARIF does not support) are left out of that run.
sarif_args=()
for a in ${args[@]+"${args[@]}"}; do
    case $a in
        --fail-on | --fail-on=*) fail "args: use the fail-on input instead of $a" ;;
        --output-format | --output-format=*) fail "args: use the output-format input instead of $a" ;;
        --output-file | --output-file=*) fail "args: --output-file is not supported; use sarif-file for SARIF" ;;
        --exit-zero | --quiet | -q | --statistics) ;;
        *) sarif_args+=("$a") ;;
    esac
done

main=()
if [[ -n ${INPUT_FAIL_ON:-} ]]; then main+=(--fail-on "$INPUT_FAIL_ON"); fi
if [[ -n ${INPUT_OUTPUT_FORMAT:-} ]]; then main+=(--output-format "$INPUT_OUTPUT_FORMAT"); fi
main+=(${args[@]+"${args[@]}"} -- "${paths[@]}")

# The command, on stderr so that stdout stays the report.
echo "+ resume-lint$(printf ' %q' "${main[@]}")" >&2
set +e
"$bin" "${main[@]}"
status=$?
set -e

sarif_status=0
sarif=${INPUT_SARIF_FILE:-}
if [[ -n $sarif ]]; then
    sarif_cmd=(--output-format sarif --output-file "$sarif" --exit-zero --quiet
        ${sarif_args[@]+"${sarif_args[@]}"} -- "${paths[@]}")
    echo "+ resume-lint$(printf ' %q' "${sarif_cmd[@]}") >/dev/null" >&2
    # A file there afterwards is one this run wrote (the write is atomic).
    rm -f -- "$sarif" 2>/dev/null || true
    code=2
    if mkdir -p -- "$(dirname -- "$sarif")"; then
        # stdout repeats the findings for people; the main run printed them.
        set +e
        "$bin" "${sarif_cmd[@]}" >/dev/null
        code=$?
        set -e
    fi
    # A non-zero code with the file written is an error the main run has
    # already reported (a file it could not read), with its own exit code.
    if [[ ! -s $sarif ]]; then
        sarif_status=$((code == 0 ? 2 : code))
        annotate_error "could not write the SARIF file $sarif"
    fi
fi

{
    echo "exit-code=$status"
    if [[ -n $sarif && $sarif_status == 0 ]]; then echo "sarif-file=$sarif"; fi
} >>"${GITHUB_OUTPUT:-/dev/null}"

if ((status != 0)); then exit "$status"; fi
exit "$sarif_status"
