//! Parsing of the `//@ name: value` header directives at the top of a test.

/// Everything a test program can ask for through its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directives {
    /// Extra rustc flags, passed to both the reference and the tested compiler.
    pub compile_flags: Vec<String>,
    /// Arguments passed to the compiled program.
    pub run_args: Vec<String>,
    /// Rust edition (default 2024).
    pub edition: String,
    /// When set, the test is skipped and reported as ignored.
    pub ignore_reason: Option<String>,
    /// Extra environment variables for the compiled program.
    pub exec_env: Vec<(String, String)>,
    /// Fail when the reference program prints nothing on stdout.
    pub check_stdout_nonempty: bool,
    /// C files next to the test, compiled with `cc -fexceptions` into a static library
    /// linked into both binaries.
    pub aux_c: Vec<String>,
    /// The program must not compile: both compilers fail with the same error lines
    /// (`error…` headlines and their ` --> ` locations), and nothing runs.
    pub build_fail: bool,
}

impl Default for Directives {
    fn default() -> Self {
        Directives {
            compile_flags: Vec::new(),
            run_args: Vec::new(),
            edition: "2024".to_string(),
            ignore_reason: None,
            exec_env: Vec::new(),
            check_stdout_nonempty: false,
            aux_c: Vec::new(),
            build_fail: false,
        }
    }
}

impl Directives {
    /// Whether the test's own flags already set `-C debug-assertions`.
    pub fn sets_debug_assertions(&self) -> bool {
        let mut prev_is_c = false;
        for flag in &self.compile_flags {
            if flag.starts_with("-Cdebug-assertions") || flag.starts_with("-Cdebug_assertions") {
                return true;
            }
            if prev_is_c
                && (flag.starts_with("debug-assertions") || flag.starts_with("debug_assertions"))
            {
                return true;
            }
            prev_is_c = flag == "-C";
        }
        false
    }
}

/// Parses the header of a test file.
///
/// Directives are lines starting with `//@` in the leading block of comments
/// and blank lines; parsing stops at the first line that is neither.
/// Unknown directives are errors so that typos do not go unnoticed.
pub fn parse(src: &str) -> Result<Directives, String> {
    let mut d = Directives::default();
    for (idx, raw) in src.lines().enumerate() {
        let line = raw.trim();
        let lineno = idx + 1;
        let Some(rest) = line.strip_prefix("//@") else {
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            break;
        };
        let rest = rest.trim();
        let (name, value) = match rest.split_once(':') {
            Some((n, v)) => (n.trim(), Some(v.trim())),
            None => (rest, None),
        };
        let need_value = |v: Option<&str>| -> Result<String, String> {
            match v {
                Some(v) if !v.is_empty() => Ok(v.to_string()),
                _ => Err(format!("line {lineno}: directive `{name}` needs a value")),
            }
        };
        match name {
            "compile-flags" => {
                let v = need_value(value)?;
                d.compile_flags.extend(v.split_whitespace().map(str::to_string));
            }
            "run-args" => {
                let v = need_value(value)?;
                d.run_args.extend(v.split_whitespace().map(str::to_string));
            }
            "edition" => {
                let v = need_value(value)?;
                if !matches!(v.as_str(), "2015" | "2018" | "2021" | "2024") {
                    return Err(format!("line {lineno}: unknown edition `{v}`"));
                }
                d.edition = v;
            }
            "ignore-reason" => {
                d.ignore_reason = Some(need_value(value)?);
            }
            "exec-env" => {
                let v = need_value(value)?;
                let Some((k, val)) = v.split_once('=') else {
                    return Err(format!("line {lineno}: exec-env needs K=V, got `{v}`"));
                };
                if k.is_empty() {
                    return Err(format!("line {lineno}: exec-env with an empty name"));
                }
                d.exec_env.push((k.to_string(), val.to_string()));
            }
            "check-stdout-nonempty" => {
                if value.is_some_and(|v| !v.is_empty()) {
                    return Err(format!("line {lineno}: check-stdout-nonempty takes no value"));
                }
                d.check_stdout_nonempty = true;
            }
            "build-fail" => {
                if value.is_some_and(|v| !v.is_empty()) {
                    return Err(format!("line {lineno}: build-fail takes no value"));
                }
                d.build_fail = true;
            }
            "aux-c" => {
                let v = need_value(value)?;
                if !v.ends_with(".c") || v.contains('/') {
                    return Err(format!(
                        "line {lineno}: aux-c needs a `.c` file next to the test, got `{v}`"
                    ));
                }
                d.aux_c.push(v);
            }
            _ => return Err(format!("line {lineno}: unknown directive `{name}`")),
        }
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_header() {
        let d = parse("fn main() {}\n").unwrap();
        assert_eq!(d, Directives::default());
        assert_eq!(d.edition, "2024");
    }

    #[test]
    fn parses_all_directives() {
        let src = "\
// Exercises things.
//@ compile-flags: -Coverflow-checks=on  -Ccodegen-units=1
//@ compile-flags: --cfg foo
//@ run-args: a bb   ccc
//@ edition: 2021
//@ exec-env: FOO=bar=baz
//@ exec-env: EMPTY=
//@check-stdout-nonempty

fn main() {}
//@ ignore-reason: not a header line any more
";
        let d = parse(src).unwrap();
        assert_eq!(d.compile_flags, ["-Coverflow-checks=on", "-Ccodegen-units=1", "--cfg", "foo"]);
        assert_eq!(d.run_args, ["a", "bb", "ccc"]);
        assert_eq!(d.edition, "2021");
        assert_eq!(
            d.exec_env,
            [("FOO".to_string(), "bar=baz".to_string()), ("EMPTY".to_string(), String::new())]
        );
        assert!(d.check_stdout_nonempty);
        assert_eq!(d.ignore_reason, None);
    }

    #[test]
    fn aux_c() {
        let d = parse("//@ aux-c: helper.c\nfn main(){}").unwrap();
        assert_eq!(d.aux_c, ["helper.c"]);
        assert!(parse("//@ aux-c: ../x.c\n").is_err());
        assert!(parse("//@ aux-c: x.rs\n").is_err());
    }

    #[test]
    fn ignore_reason() {
        let d = parse("//@ ignore-reason: needs unwinding\nfn main(){}").unwrap();
        assert_eq!(d.ignore_reason.as_deref(), Some("needs unwinding"));
    }

    #[test]
    fn errors() {
        assert!(parse("//@ compile-flag: -O").is_err());
        assert!(parse("//@ edition: 2019").is_err());
        assert!(parse("//@ exec-env: NOEQUALS").is_err());
        assert!(parse("//@ exec-env: =x").is_err());
        assert!(parse("//@ run-args:").is_err());
        assert!(parse("//@ check-stdout-nonempty: yes").is_err());
    }

    #[test]
    fn debug_assertions_detection() {
        let d = parse("//@ compile-flags: -Cdebug-assertions=on").unwrap();
        assert!(d.sets_debug_assertions());
        let d = parse("//@ compile-flags: -C debug-assertions=off").unwrap();
        assert!(d.sets_debug_assertions());
        let d = parse("//@ compile-flags: -C overflow-checks=off").unwrap();
        assert!(!d.sets_debug_assertions());
    }
}
