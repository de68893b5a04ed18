#!/usr/bin/env bash
# Installs resume-lint from the action's own checkout with
# `cargo install --locked --path "$GITHUB_ACTION_PATH" --root "$RESUME_LINT_ROOT"`,
# unless a working binary is already there (restored by actions/cache, or left
# in a self-hosted runner's tool cache by an earlier job).
#
# Reads:  GITHUB_ACTION_PATH, RESUME_LINT_ROOT and RESUME_LINT_BIN (from
#         cache-key.sh), CARGO_TARGET_DIR (optional: reuse a build directory),
#         GITHUB_OUTPUT and GITHUB_PATH (optional).
# Writes to GITHUB_OUTPUT: bin=<path of the binary>, installed=true|false
# (false: the cached binary was used). Adds <root>/bin to GITHUB_PATH so that
# later steps of the job can run `resume-lint` too.
set -euo pipefail

src=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set (the resume-lint checkout to build)}
root=${RESUME_LINT_ROOT:?RESUME_LINT_ROOT is not set (the root output of cache-key.sh)}
bin=${RESUME_LINT_BIN:-$root/bin/resume-lint}

group() { if [[ ${GITHUB_ACTIONS:-} == true ]]; then echo "::group::$*"; fi; }
endgroup() { if [[ ${GITHUB_ACTIONS:-} == true ]]; then echo "::endgroup::"; fi; }

installed=false
if [[ -x $bin ]] && version=$("$bin" --version 2>/dev/null); then
    echo "Using the cached $version at $bin"
else
    if ! command -v cargo >/dev/null 2>&1; then
        echo "::error title=resume-lint::cargo is not installed; add a Rust toolchain step (e.g. dtolnay/rust-toolchain@stable) before this action" >&2
        exit 2
    fi
    group "Install resume-lint from $src"
    # --force: replace a binary that is there but does not run (a partial
    # restore); the root is per cache key, so nothing else is overwritten.
    cargo install --locked --force --path "$src" --root "$root"
    endgroup
    version=$("$bin" --version)
    echo "Installed $version at $bin"
    installed=true
fi

if [[ -n ${GITHUB_PATH:-} ]]; then
    dirname -- "$bin" >>"$GITHUB_PATH"
fi
{
    echo "bin=$bin"
    echo "installed=$installed"
} >>"${GITHUB_OUTPUT:-/dev/null}"
