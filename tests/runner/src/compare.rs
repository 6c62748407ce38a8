//! Program outcomes and their comparison.

use std::fmt;

/// How a program ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Code(i32),
    Signal(i32),
    Timeout,
}

impl Status {
    /// Serialized form used by the cache.
    pub fn encode(self) -> String {
        match self {
            Status::Code(c) => format!("code {c}"),
            Status::Signal(s) => format!("signal {s}"),
            Status::Timeout => "timeout".to_string(),
        }
    }

    pub fn decode(s: &str) -> Option<Status> {
        let s = s.trim();
        if s == "timeout" {
            return Some(Status::Timeout);
        }
        let (kind, n) = s.split_once(' ')?;
        let n: i32 = n.trim().parse().ok()?;
        match kind {
            "code" => Some(Status::Code(n)),
            "signal" => Some(Status::Signal(n)),
            _ => None,
        }
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "?",
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Status::Code(c) => write!(f, "exit code {c}"),
            Status::Signal(s) => write!(f, "signal {s} ({})", signal_name(s)),
            Status::Timeout => write!(f, "timeout"),
        }
    }
}

/// Everything observable about one run of a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Compares the reference outcome with the tested one. Returns an empty list
/// when they agree, otherwise one short human-readable line (or a few) per
/// difference.
///
/// Stderr is compared after [`normalize_stderr`].
pub fn compare(expected: &Outcome, actual: &Outcome) -> Vec<String> {
    let mut diffs = Vec::new();
    if expected.status != actual.status {
        diffs.push(format!(
            "exit status differs: expected {}, got {}",
            expected.status, actual.status
        ));
    }
    if let Some(d) = first_difference("stdout", &expected.stdout, &actual.stdout) {
        diffs.push(d);
    }
    let (e_err, a_err) = (normalize_stderr(&expected.stderr), normalize_stderr(&actual.stderr));
    if let Some(d) = first_difference("stderr", &e_err, &a_err) {
        diffs.push(d);
    }
    diffs
}

/// Replaces the OS thread id in panic messages, which differs from run to
/// run: `thread 'main' (12345) panicked at` becomes
/// `thread 'main' (TID) panicked at`.
pub fn normalize_stderr(stderr: &[u8]) -> Vec<u8> {
    const TAIL: &[u8] = b") panicked at ";
    let mut out = Vec::with_capacity(stderr.len());
    let mut i = 0;
    while i < stderr.len() {
        if stderr[i..].starts_with(b"' (") {
            let start = i + 3;
            let digits = stderr[start..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && stderr[start + digits..].starts_with(TAIL) {
                out.extend_from_slice(b"' (TID");
                i = start + digits;
                continue;
            }
        }
        out.push(stderr[i]);
        i += 1;
    }
    out
}

const MAX_SHOWN: usize = 200;

fn show_line(line: Option<&[u8]>) -> String {
    match line {
        None => "<end of output>".to_string(),
        Some(l) => {
            let text = String::from_utf8_lossy(l);
            if text.chars().count() > MAX_SHOWN {
                let cut: String = text.chars().take(MAX_SHOWN).collect();
                format!("{cut:?}...")
            } else {
                format!("{text:?}")
            }
        }
    }
}

/// Describes the first line at which `a` (expected) and `b` (actual) differ,
/// or `None` if they are byte-for-byte identical.
pub fn first_difference(what: &str, a: &[u8], b: &[u8]) -> Option<String> {
    if a == b {
        return None;
    }
    let mut la = a.split_inclusive(|&c| c == b'\n');
    let mut lb = b.split_inclusive(|&c| c == b'\n');
    let mut lineno = 1usize;
    loop {
        let (x, y) = (la.next(), lb.next());
        if x != y {
            return Some(format!(
                "{what} differs at line {lineno} (expected {} bytes, got {} bytes)\n  expected: {}\n  actual:   {}",
                a.len(),
                b.len(),
                show_line(x),
                show_line(y)
            ));
        }
        if x.is_none() {
            // Unreachable in practice since a != b, but stay total.
            return Some(format!("{what} differs"));
        }
        lineno += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(status: Status, stdout: &str, stderr: &str) -> Outcome {
        Outcome { status, stdout: stdout.as_bytes().to_vec(), stderr: stderr.as_bytes().to_vec() }
    }

    #[test]
    fn identical_outcomes() {
        let a = out(Status::Code(0), "a\nb\n", "");
        assert!(compare(&a, &a.clone()).is_empty());
    }

    #[test]
    fn status_difference() {
        let a = out(Status::Signal(6), "x\n", "boom\n");
        let b = out(Status::Code(134), "x\n", "boom\n");
        let d = compare(&a, &b);
        assert_eq!(d.len(), 1);
        assert!(d[0].contains("signal 6 (SIGABRT)"), "{d:?}");
        assert!(d[0].contains("exit code 134"), "{d:?}");
    }

    #[test]
    fn stdout_difference_line_number() {
        let d = first_difference("stdout", b"1\n2\n3\n", b"1\n2\n4\n").unwrap();
        assert!(d.contains("line 3"), "{d}");
        assert!(d.contains("\"3\\n\""), "{d}");
        assert!(d.contains("\"4\\n\""), "{d}");
    }

    #[test]
    fn missing_trailing_newline_is_a_difference() {
        let d = first_difference("stdout", b"1\n2\n", b"1\n2").unwrap();
        assert!(d.contains("line 2"), "{d}");
    }

    #[test]
    fn truncated_output() {
        let d = first_difference("stderr", b"a\nb\n", b"a\n").unwrap();
        assert!(d.contains("line 2"), "{d}");
        assert!(d.contains("<end of output>"), "{d}");
        let both =
            compare(&out(Status::Code(0), "q\n", "a\nb\n"), &out(Status::Code(0), "", "a\n"));
        assert_eq!(both.len(), 2);
    }

    #[test]
    fn thread_ids_are_normalized() {
        let a = b"\nthread 'main' (6064) panicked at x.rs:8:9:\nboom\n";
        let b = b"\nthread 'main' (77) panicked at x.rs:8:9:\nboom\n";
        assert_eq!(normalize_stderr(a), b"\nthread 'main' (TID) panicked at x.rs:8:9:\nboom\n");
        assert_eq!(normalize_stderr(a), normalize_stderr(b));
        let c = b"thread '<unnamed>' (12) panicked at x.rs:1:1:\n";
        assert_eq!(normalize_stderr(c), b"thread '<unnamed>' (TID) panicked at x.rs:1:1:\n");
        // Other parenthesized numbers are left alone.
        assert_eq!(normalize_stderr(b"' (12) other"), b"' (12) other");
        let o = |e: &[u8]| Outcome {
            status: Status::Signal(6),
            stdout: Vec::new(),
            stderr: e.to_vec(),
        };
        assert!(compare(&o(a), &o(b)).is_empty());
        let other_line = b"\nthread 'main' (77) panicked at x.rs:9:9:\nboom\n";
        assert_eq!(compare(&o(a), &o(other_line)).len(), 1);
    }

    #[test]
    fn status_roundtrip() {
        for s in [Status::Code(0), Status::Code(-1), Status::Signal(11), Status::Timeout] {
            assert_eq!(Status::decode(&s.encode()), Some(s));
        }
        assert_eq!(Status::decode("bogus 1"), None);
    }
}
