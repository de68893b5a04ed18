//! Which files to lint, and reading them safely.

use crate::document::Format;
use std::io::Read;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Files larger than this are refused: no resume is this long, and reading a
/// stray log or dump would only waste time and memory.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// One thing to lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path shown in output: as given, or the walked directory joined with
    /// the file's relative path, or the stdin name.
    pub display_path: String,
    pub origin: Origin,
    pub format: Format,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Stdin,
    File(PathBuf),
}

/// Why a file could not be linted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[diagnostic(code(resume_lint::input))]
pub enum InputError {
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path} is not valid UTF-8 (first invalid byte at offset {offset}); save it as UTF-8")]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path} looks like a binary file, not a resume (it contains NUL bytes)")]
    Binary { path: String },
    #[error("{path} is too large to be a resume ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
}

/// The format of a file by its name: Markdown for `.md`/`.markdown`, plain
/// text for everything else.
pub fn format_for(name: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Expands the command-line paths into inputs, in a stable order. A path that
/// does not exist is kept as an input, so that reading it reports the error
/// alongside the other files.
pub fn collect(
    paths: &[PathBuf],
    format_override: Option<Format>,
    stdin_filename: Option<&str>,
) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let display_path = stdin_filename.unwrap_or("-").to_string();
            let format = format_override.unwrap_or(match stdin_filename {
                Some(name) if name.to_ascii_lowercase().ends_with(".txt") => Format::Text,
                _ => Format::Markdown,
            });
            inputs.push(Input {
                display_path,
                origin: Origin::Stdin,
                format,
            });
        } else if path.is_dir() {
            inputs.extend(walk(path, format_override));
        } else {
            let display_path = path.display().to_string();
            let format = format_override.unwrap_or_else(|| format_for(&display_path));
            inputs.push(Input {
                display_path,
                origin: Origin::File(path.clone()),
                format,
            });
        }
    }
    inputs
}

fn walk(dir: &Path, format_override: Option<Format>) -> Vec<Input> {
    let skipped = |entry: &walkdir::DirEntry| {
        entry.depth() > 0
            && entry.file_type().is_dir()
            && entry.file_name().to_str().is_some_and(|name| {
                name.starts_with('.') || name == "target" || name == "node_modules"
            })
    };
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| !skipped(entry))
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_ascii_lowercase();
            let wanted = [".md", ".markdown", ".txt"]
                .iter()
                .any(|ext| name.ends_with(ext));
            wanted.then(|| {
                // "cv.md", not "./cv.md", when the current folder is walked:
                // annotations and SARIF want paths relative to the root.
                let relative = entry.path().strip_prefix(".").unwrap_or(entry.path());
                let display_path = relative.display().to_string();
                Input {
                    format: format_override.unwrap_or_else(|| format_for(&display_path)),
                    display_path,
                    origin: Origin::File(entry.into_path()),
                }
            })
        })
        .collect()
}

/// Reads an input as UTF-8 text, refusing binary, oversized and mis-encoded
/// files with a message that says what to do.
pub fn read(input: &Input) -> Result<String, InputError> {
    let path = input.display_path.clone();
    let unreadable = |e: std::io::Error| InputError::Unreadable {
        path: path.clone(),
        reason: describe_io_error(&e),
    };
    let mut bytes = Vec::new();
    match &input.origin {
        Origin::Stdin => {
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
        }
        Origin::File(file) => {
            let handle = std::fs::File::open(file).map_err(unreadable)?;
            let metadata = handle.metadata().map_err(unreadable)?;
            if metadata.is_dir() {
                return Err(InputError::Unreadable {
                    path,
                    reason: "it is a directory".to_string(),
                });
            }
            // Refuse by the size on disk, so the message gives the real size
            // and a huge file is not read at all; `take` below still guards
            // files whose size the metadata does not tell (pipes, /proc).
            if metadata.len() > MAX_FILE_BYTES {
                return Err(InputError::TooLarge {
                    path,
                    size: metadata.len(),
                    limit: MAX_FILE_BYTES,
                });
            }
            handle
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
        }
    }
    decode(&path, bytes)
}

fn decode(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_string(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary {
            path: path.to_string(),
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn describe_io_error(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotADirectory => "a part of the path is not a directory".to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(format_for("cv.MD"), Format::Markdown);
        assert_eq!(format_for("cv.markdown"), Format::Markdown);
        assert_eq!(format_for("cv.txt"), Format::Text);
        assert_eq!(format_for("resume"), Format::Text);
    }

    #[test]
    fn decoding_refuses_binary_and_invalid_utf8() {
        assert!(matches!(
            decode("a", vec![b'a', 0, b'b']),
            Err(InputError::Binary { .. })
        ));
        assert_eq!(
            decode("a", vec![b'o', b'k', 0xff]),
            Err(InputError::InvalidUtf8 {
                path: "a".to_string(),
                offset: 2
            })
        );
        assert_eq!(decode("a", b"ok".to_vec()), Ok("ok".to_string()));
    }
}
