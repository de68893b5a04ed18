#!/usr/bin/env bash
# Computes the cache key for the resume-lint binary built from the action's
# own checkout, and the directory it is installed into.
#
# `hashFiles()` only sees files under GITHUB_WORKSPACE, and the action's
# checkout lives elsewhere (…/_actions/OWNER/REPO/REF), so the key is a
# sha256 over the files the binary is built from, computed here.
#
# Reads:  GITHUB_ACTION_PATH (the action's checkout), RUNNER_OS, RUNNER_ARCH,
#         ImageOS, RUNNER_TOOL_CACHE (else RUNNER_TEMP), GITHUB_OUTPUT (optional).
# Writes to GITHUB_OUTPUT, and prints:
#   key=resume-lint-v1-<os>-<arch>-[<image>-]<version>-<hash>
#   root=<install root for `cargo install --root`>
#   bin=<root>/bin/resume-lint[.exe]
set -euo pipefail

src=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set (the resume-lint checkout to build)}
cd "$src"

# Bump when the key scheme or the install layout changes.
scheme=v1

sha256() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$@"
    else
        shasum -a 256 "$@" # macOS without coreutils
    fi
}

if [[ ! -f Cargo.toml || ! -f Cargo.lock ]]; then
    echo "error: $src has no Cargo.toml and Cargo.lock; is GITHUB_ACTION_PATH the resume-lint checkout?" >&2
    exit 2
fi

# Everything that goes into the binary: the manifest and lock file, the build
# script, the sources and the built-in rules (embedded at build time).
files=()
for f in Cargo.toml Cargo.lock build.rs rust-toolchain rust-toolchain.toml; do
    if [[ -f $f ]]; then files+=("$f"); fi
done
for d in src rules; do
    if [[ -d $d ]]; then
        while IFS= read -r -d '' f; do
            files+=("$f")
        done < <(find "$d" -type f -print0)
    fi
done
sorted=()
while IFS= read -r -d '' f; do
    sorted+=("$f")
done < <(printf '%s\0' "${files[@]}" | LC_ALL=C sort -z)

# One line per file, "<sha256>  <relative path>", then a hash of that list:
# edits, renames, additions and deletions all change the key.
hash=$(sha256 "${sorted[@]}" | sha256 | cut -c1-32)

version=$(sed -n 's/^version *= *"\(.*\)".*/\1/p' Cargo.toml | head -n1)
os=${RUNNER_OS:-$(uname -s)}
arch=${RUNNER_ARCH:-$(uname -m)}
# ImageOS (e.g. ubuntu24) is set on GitHub-hosted runners: a binary built on
# a newer image may need a newer glibc than an older image has, and
# ubuntu-latest moves from one to the next.
image=${ImageOS:+$ImageOS-}
key="resume-lint-$scheme-$os-$arch-$image${version:-unknown}-$hash"

# A directory of its own per key. The runner's tool cache survives between
# jobs on a self-hosted runner, so a binary there is reused even without
# actions/cache; RUNNER_TEMP is the fallback outside GitHub.
base=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}
root="$base/resume-lint/$key"
exe=resume-lint
case "$os" in
    Windows | MINGW* | MSYS* | CYGWIN*) exe=resume-lint.exe ;;
esac
bin="$root/bin/$exe"

{
    echo "key=$key"
    echo "root=$root"
    echo "bin=$bin"
} | tee -a "${GITHUB_OUTPUT:-/dev/null}"
