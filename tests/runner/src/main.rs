//! `difftest`: differential test runner. Compiles every test program with the
//! reference compiler (plain rustc, i.e. LLVM) and with our Cranelift backend,
//! runs both and compares exit status, stdout and stderr byte for byte.

mod compare;
mod directives;
mod exec;

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};
use std::{env, fs, thread};

use compare::{Outcome, Status};
use directives::Directives;

const USAGE: &str = "\
usage: difftest --backend <path/to/librustc_codegen_cranelift.so | llvm> [options] [DIR|FILE.rs]...

options:
  --backend B               codegen backend dylib to test, or `llvm` to compile
                            both sides with LLVM (validates the runner and corpus)
  --opt-levels L[,L...]     optimization levels to test (default 0,2)
  --filter SUBSTR           only tests whose name contains SUBSTR (repeatable)
  -j N, --jobs N            parallel jobs (default: available parallelism)
  --target TRIPLE           build both sides for <arch>-unknown-linux-gnu with
                            <arch>-linux-gnu-gcc and run under qemu-<arch>
  --keep                    keep the temporary build directory
  --verbose                 print commands, cache use and timings
  --rustc PATH              rustc to use (default: the toolchain's rustc)
  --expected-failures FILE  list of `name@O<level>` entries expected to fail
  --timeout SECS            run timeout per program (default 30)
  --no-cache                do not read or write the reference cache

default DIR: tests/run-pass of this repository";

/// Bump to invalidate every cached reference result.
const CACHE_FORMAT: &str = "difftest-cache-v1";
/// Compiling gets much more time than running.
const COMPILE_TIMEOUT: Duration = Duration::from_secs(600);
const COMPILER_STDERR_LINES: usize = 20;

#[derive(Clone, Debug)]
enum Backend {
    Llvm,
    Dylib(PathBuf),
}

#[derive(Debug)]
struct Config {
    backend: Backend,
    opt_levels: Vec<u32>,
    filters: Vec<String>,
    jobs: usize,
    keep: bool,
    verbose: bool,
    rustc: PathBuf,
    rustc_version: String,
    expected_failures: HashSet<String>,
    timeout: Duration,
    use_cache: bool,
    cache_dir: PathBuf,
    tmp_dir: PathBuf,
    cross: Option<Cross>,
}

/// Building for another target and running under qemu-user (`--target`).
#[derive(Debug)]
struct Cross {
    triple: String,
    /// C compiler, also the linker.
    cc: String,
    qemu: String,
    /// The target's libc root, for qemu's dynamic loader.
    ld_prefix: String,
}

impl Cross {
    fn new(triple: &str) -> Result<Cross, String> {
        let arch = triple.split('-').next().unwrap_or_default();
        if !triple.ends_with("-linux-gnu") || arch.is_empty() {
            return Err(format!(
                "--target: only <arch>-unknown-linux-gnu targets run here, not `{triple}`"
            ));
        }
        Ok(Cross {
            triple: triple.to_string(),
            cc: format!("{arch}-linux-gnu-gcc"),
            qemu: format!("qemu-{arch}"),
            ld_prefix: format!("/usr/{arch}-linux-gnu"),
        })
    }
}

struct Job {
    path: PathBuf,
    name: String,
    opt: u32,
}

impl Job {
    fn id(&self) -> String {
        format!("{}@O{}", self.name, self.opt)
    }
}

enum Verdict {
    /// Carries a summary of the agreed outcome (shown with --verbose).
    Ok(String),
    Failed(Vec<String>),
    Ignored(String),
    ExpectedFailure(Vec<String>),
}

fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    match manifest.parent().and_then(Path::parent) {
        Some(root) if root.join("tests").is_dir() => root.to_path_buf(),
        _ => env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    }
}

fn main() -> ExitCode {
    match real_main() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("difftest: {e}");
            ExitCode::from(2)
        }
    }
}

fn real_main() -> Result<ExitCode, String> {
    let args: Vec<String> = env::args().skip(1).collect();
    let (cfg, dirs) = parse_args(&args)?;
    let jobs = discover(&dirs, &cfg)?;
    if jobs.is_empty() {
        return Err("no tests found".to_string());
    }
    let cfg = Arc::new(cfg);
    if cfg.verbose {
        println!(
            "difftest: {} test runs, {} jobs, rustc {}, backend {:?}, tmp {}",
            jobs.len(),
            cfg.jobs,
            cfg.rustc.display(),
            cfg.backend,
            cfg.tmp_dir.display()
        );
    }
    fs::create_dir_all(&cfg.tmp_dir).map_err(|e| format!("{}: {e}", cfg.tmp_dir.display()))?;

    let jobs = Arc::new(jobs);
    let next = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<(usize, Verdict, Duration)>();
    let mut workers = Vec::new();
    for _ in 0..cfg.jobs.min(jobs.len()) {
        let (jobs, next, tx, cfg) = (jobs.clone(), next.clone(), tx.clone(), cfg.clone());
        workers.push(thread::spawn(move || {
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(job) = jobs.get(i) else { break };
                let start = Instant::now();
                let verdict = run_job(&cfg, job);
                if tx.send((i, verdict, start.elapsed())).is_err() {
                    break;
                }
            }
        }));
    }
    drop(tx);

    let (mut passed, mut failed, mut ignored, mut xfail) = (0usize, 0usize, 0usize, 0usize);
    let mut failed_ids = BTreeSet::new();
    let mut seen_ids = HashSet::new();
    let stdout = std::io::stdout();
    for (i, verdict, elapsed) in rx {
        let job = &jobs[i];
        let id = job.id();
        seen_ids.insert(id.clone());
        let timing =
            if cfg.verbose { format!(" ({:.2}s)", elapsed.as_secs_f64()) } else { String::new() };
        let mut text = String::new();
        match &verdict {
            Verdict::Ok(summary) => {
                passed += 1;
                if cfg.verbose {
                    let _ = writeln!(text, "test {id} ... ok{timing} [{summary}]");
                } else {
                    let _ = writeln!(text, "test {id} ... ok");
                }
            }
            Verdict::Ignored(reason) => {
                ignored += 1;
                let _ = writeln!(text, "test {id} ... ignored ({reason})");
            }
            Verdict::ExpectedFailure(details) => {
                xfail += 1;
                let _ = writeln!(text, "test {id} ... expected failure{timing}");
                if cfg.verbose {
                    for d in details {
                        for line in d.lines() {
                            let _ = writeln!(text, "    {line}");
                        }
                    }
                }
            }
            Verdict::Failed(details) => {
                failed += 1;
                failed_ids.insert(id.clone());
                let _ = writeln!(text, "test {id} ... FAILED{timing}");
                for d in details {
                    for line in d.lines() {
                        let _ = writeln!(text, "    {line}");
                    }
                }
            }
        }
        let mut lock = stdout.lock();
        let _ = lock.write_all(text.as_bytes());
        let _ = lock.flush();
    }
    for w in workers {
        let _ = w.join();
    }
    if !cfg.keep {
        let _ = fs::remove_dir_all(&cfg.tmp_dir);
    } else {
        println!("kept build directory: {}", cfg.tmp_dir.display());
    }

    if cfg.verbose {
        let mut stale: Vec<_> =
            cfg.expected_failures.iter().filter(|e| !seen_ids.contains(*e)).collect();
        stale.sort();
        for e in stale {
            println!("note: expected failure `{e}` matched no test run");
        }
    }
    if !failed_ids.is_empty() {
        println!();
        println!("failures:");
        for id in &failed_ids {
            println!("    {id}");
        }
    }
    println!();
    if xfail > 0 {
        println!("{xfail} expected failures");
    }
    println!("{passed} passed, {failed} failed, {ignored} ignored");
    Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn parse_args(args: &[String]) -> Result<(Config, Vec<PathBuf>), String> {
    let mut backend = None;
    let mut opt_levels = vec![0, 2];
    let mut filters = Vec::new();
    let mut jobs = thread::available_parallelism().map_or(1, |n| n.get());
    let mut keep = false;
    let mut cross = None;
    let mut verbose = false;
    let mut rustc = None;
    let mut xfail_file = None;
    let mut timeout = Duration::from_secs(30);
    let mut use_cache = true;
    let mut dirs = Vec::new();

    let mut it = args.iter();
    while let Some(arg) = it.next() {
        // Accept both `--opt value` and `--opt=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it.next().cloned().ok_or(format!("{name} needs a value")),
            }
        };
        match flag {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--backend" => {
                let v = value(flag)?;
                backend = Some(if v == "llvm" {
                    Backend::Llvm
                } else {
                    let p = fs::canonicalize(&v).map_err(|e| format!("backend `{v}`: {e}"))?;
                    Backend::Dylib(p)
                });
            }
            "--opt-levels" => {
                let v = value(flag)?;
                opt_levels = v
                    .split(',')
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| match s.trim() {
                        l @ ("0" | "1" | "2" | "3") => Ok(l.parse().unwrap()),
                        l => Err(format!("bad opt level `{l}` (supported: 0,1,2,3)")),
                    })
                    .collect::<Result<_, _>>()?;
                if opt_levels.is_empty() {
                    return Err("--opt-levels is empty".to_string());
                }
            }
            "--filter" => filters.push(value(flag)?),
            "-j" | "--jobs" => {
                let v = value(flag)?;
                jobs = v
                    .parse()
                    .ok()
                    .filter(|&n: &usize| n > 0)
                    .ok_or(format!("bad job count `{v}`"))?;
            }
            _ if flag.starts_with("-j") && flag[2..].parse::<usize>().is_ok() => {
                jobs = flag[2..].parse::<usize>().unwrap().max(1);
            }
            "--target" => cross = Some(Cross::new(&value(flag)?)?),
            "--keep" => keep = true,
            "--verbose" | "-v" => verbose = true,
            "--rustc" => rustc = Some(PathBuf::from(value(flag)?)),
            "--expected-failures" => xfail_file = Some(PathBuf::from(value(flag)?)),
            "--timeout" => {
                let v = value(flag)?;
                let secs: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| *s > 0.0)
                    .ok_or(format!("bad timeout `{v}`"))?;
                timeout = Duration::from_secs_f64(secs);
            }
            "--no-cache" => use_cache = false,
            _ if flag.starts_with('-') => return Err(format!("unknown option `{arg}`\n{USAGE}")),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    let backend = backend.ok_or(format!("--backend is required\n{USAGE}"))?;
    let root = repo_root();
    if dirs.is_empty() {
        dirs.push(root.join("tests").join("run-pass"));
    }
    let rustc = match rustc {
        Some(r) => r,
        None => find_rustc(&root),
    };
    let rustc_version = command_stdout(Command::new(&rustc).arg("-vV"))
        .map_err(|e| format!("running `{} -vV`: {e}", rustc.display()))?;
    let expected_failures = match xfail_file {
        Some(f) => parse_expected_failures(
            &fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?,
        )
        .map_err(|e| format!("{}: {e}", f.display()))?,
        None => HashSet::new(),
    };
    let target =
        env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let tmp_dir = env::temp_dir().join(format!("difftest-{}", std::process::id()));
    Ok((
        Config {
            backend,
            opt_levels,
            filters,
            jobs,
            keep,
            verbose,
            rustc,
            rustc_version,
            expected_failures,
            timeout,
            use_cache,
            cache_dir: target.join("difftest-cache"),
            tmp_dir,
            cross,
        },
        dirs,
    ))
}

/// Prefers the real rustc of the repository's toolchain over the rustup
/// proxy: one less process per compile, and independent of the cwd.
fn find_rustc(root: &Path) -> PathBuf {
    let sysroot =
        command_stdout(Command::new("rustc").current_dir(root).args(["--print", "sysroot"]));
    if let Ok(s) = sysroot {
        let exe = Path::new(s.trim()).join("bin").join("rustc");
        if exe.is_file() {
            return exe;
        }
    }
    PathBuf::from("rustc")
}

fn command_stdout(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("{}: {}", out.status, String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// One `name@O<level>` per line; `#` starts a comment; anything after the
/// first word of a line is ignored.
fn parse_expected_failures(text: &str) -> Result<HashSet<String>, String> {
    let mut set = HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some(entry) = line.split_whitespace().next() else {
            continue;
        };
        let entry = entry.replace(".rs@", "@");
        let ok = entry
            .rsplit_once("@O")
            .is_some_and(|(n, l)| !n.is_empty() && matches!(l, "0" | "1" | "2" | "3"));
        if !ok {
            return Err(format!("line {}: expected `name@O<level>`, got `{entry}`", i + 1));
        }
        set.insert(entry);
    }
    Ok(set)
}

fn discover(dirs: &[PathBuf], cfg: &Config) -> Result<Vec<Job>, String> {
    let mut files = Vec::new();
    for d in dirs {
        if d.is_file() {
            files.push(d.clone());
            continue;
        }
        let entries = fs::read_dir(d).map_err(|e| format!("{}: {e}", d.display()))?;
        for e in entries {
            let p = e.map_err(|e| e.to_string())?.path();
            if p.extension().is_some_and(|x| x == "rs") && p.is_file() {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut jobs = Vec::new();
    for f in files {
        let f = fs::canonicalize(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let name = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if !cfg.filters.is_empty() && !cfg.filters.iter().any(|flt| name.contains(flt.as_str())) {
            continue;
        }
        for &opt in &cfg.opt_levels {
            jobs.push(Job { path: f.clone(), name: name.clone(), opt });
        }
    }
    Ok(jobs)
}

/// 128-bit FNV-1a over length-prefixed parts (stable across runs and Rust versions).
fn stable_hash(parts: &[&[u8]]) -> String {
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u128;
            h = h.wrapping_mul(PRIME);
        }
    };
    for p in parts {
        feed(&(p.len() as u64).to_le_bytes());
        feed(p);
    }
    format!("{h:032x}")
}

fn compiler_flags(d: &Directives, opt: u32) -> Vec<String> {
    let mut flags = vec!["--edition".to_string(), d.edition.clone(), format!("-Copt-level={opt}")];
    if !d.sets_debug_assertions() {
        let on = if opt == 0 { "yes" } else { "no" };
        flags.push(format!("-Cdebug-assertions={on}"));
    }
    flags.extend(d.compile_flags.iter().cloned());
    flags
}

fn head_lines(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out: Vec<&str> = text.lines().take(n).collect();
    let total = text.lines().count();
    let more;
    if total > n {
        more = format!("... ({} more lines)", total - n);
        out.push(&more);
    }
    out.join("\n")
}

fn run_job(cfg: &Config, job: &Job) -> Verdict {
    let verdict = match run_job_inner(cfg, job) {
        Ok(v) => v,
        Err(e) => Verdict::Failed(vec![e]),
    };
    let expected = cfg.expected_failures.contains(&job.id());
    match verdict {
        Verdict::Failed(d) if expected => Verdict::ExpectedFailure(d),
        Verdict::Ok(_) if expected => {
            Verdict::Failed(vec!["unexpectedly passed, update the list".to_string()])
        }
        v => v,
    }
}

fn run_job_inner(cfg: &Config, job: &Job) -> Result<Verdict, String> {
    let src = fs::read(&job.path).map_err(|e| format!("{}: {e}", job.path.display()))?;
    let d = directives::parse(&String::from_utf8_lossy(&src))
        .map_err(|e| format!("bad header in {}: {e}", job.path.display()))?;
    if let Some(reason) = &d.ignore_reason {
        return Ok(Verdict::Ignored(reason.clone()));
    }
    let mut flags = compiler_flags(&d, job.opt);
    if let Some(c) = &cfg.cross {
        flags.extend(["--target".to_string(), c.triple.clone(), format!("-Clinker={}", c.cc)]);
    }
    let work = cfg.tmp_dir.join(job.id());
    if d.build_fail {
        let result = build_fail_verdict(cfg, job, &flags, &work);
        if !cfg.keep {
            let _ = fs::remove_dir_all(&work);
        }
        return result;
    }
    let result = (|| {
        let cc = cfg.cross.as_ref().map_or("cc", |c| c.cc.as_str());
        let (key_src, link) = build_aux_c(job, &d, &src, &work.join("aux"), cc)?;
        let reference = reference_outcome(cfg, job, &d, &flags, &link, &key_src, &work)?;
        let mut details = Vec::new();
        if reference.status == Status::Timeout {
            return Ok(Verdict::Failed(vec![format!(
                "reference (LLVM) program timed out after {:?}",
                cfg.timeout
            )]));
        }
        if d.check_stdout_nonempty && reference.stdout.is_empty() {
            details.push("reference (LLVM) program printed nothing on stdout".to_string());
        }
        let mut extra = match &cfg.backend {
            Backend::Llvm => Vec::new(),
            Backend::Dylib(p) => vec![format!("-Zcodegen-backend={}", p.display())],
        };
        extra.extend(link);
        let bin = match compile(cfg, job, &flags, &extra, &work.join("test")) {
            Ok(bin) => bin,
            Err(msg) => {
                details.insert(0, format!("compilation with the tested backend failed\n{msg}"));
                return Ok(Verdict::Failed(details));
            }
        };
        let actual = run_program(cfg, job, &d, &bin)?;
        details.extend(compare::compare(&reference, &actual));
        Ok(if details.is_empty() {
            Verdict::Ok(format!(
                "{}, {} bytes stdout, {} bytes stderr",
                actual.status,
                actual.stdout.len(),
                actual.stderr.len()
            ))
        } else {
            Verdict::Failed(details)
        })
    })();
    if !cfg.keep {
        let _ = fs::remove_dir_all(&work);
    }
    result
}

/// Compiles the test's `aux-c` files into `lib<test>_aux.a` in `dir`. Returns the bytes that
/// identify the test for the reference cache (the source plus the C sources) and the rustc
/// flags that link the library.
fn build_aux_c(
    job: &Job,
    d: &Directives,
    src: &[u8],
    dir: &Path,
    cc: &str,
) -> Result<(Vec<u8>, Vec<String>), String> {
    if d.aux_c.is_empty() {
        return Ok((src.to_vec(), Vec::new()));
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let test_dir = job.path.parent().unwrap_or(Path::new("."));
    let mut key = src.to_vec();
    let mut objects = Vec::new();
    for (i, c) in d.aux_c.iter().enumerate() {
        let path = test_dir.join(c);
        key.extend(fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
        let obj = dir.join(format!("aux{i}.o"));
        let out = Command::new(cc)
            .args(["-O1", "-fexceptions", "-fPIC", "-c"])
            .arg(&path)
            .arg("-o")
            .arg(&obj)
            .output()
            .map_err(|e| format!("cannot run cc: {e}"))?;
        if !out.status.success() {
            return Err(format!("cc failed on {c}\n{}", head_lines(&out.stderr, 20)));
        }
        objects.push(obj);
    }
    let lib_name = format!("{}_aux", job.name);
    let out = Command::new("ar")
        .arg("rcs")
        .arg(dir.join(format!("lib{lib_name}.a")))
        .args(&objects)
        .output()
        .map_err(|e| format!("cannot run ar: {e}"))?;
    if !out.status.success() {
        return Err(format!("ar failed\n{}", head_lines(&out.stderr, 20)));
    }
    let link = vec![
        "-L".to_string(),
        format!("native={}", dir.display()),
        "-l".to_string(),
        format!("static={lib_name}"),
    ];
    Ok((key, link))
}

fn reference_outcome(
    cfg: &Config,
    job: &Job,
    d: &Directives,
    flags: &[String],
    link: &[String],
    src: &[u8],
    work: &Path,
) -> Result<Outcome, String> {
    let file_name = job.path.file_name().unwrap().to_string_lossy().into_owned();
    let flags_joined = flags.join("\x1f");
    let args_joined = d.run_args.join("\x1f");
    let env_joined: Vec<String> = d.exec_env.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let env_joined = env_joined.join("\x1f");
    let key = stable_hash(&[
        CACHE_FORMAT.as_bytes(),
        src,
        file_name.as_bytes(),
        flags_joined.as_bytes(),
        args_joined.as_bytes(),
        env_joined.as_bytes(),
        cfg.rustc_version.as_bytes(),
    ]);
    let entry = cfg.cache_dir.join(&key);
    if cfg.use_cache
        && let Some(o) = read_cache(&entry)
    {
        if cfg.verbose {
            println!("  {}: reference from cache {key}", job.id());
        }
        return Ok(o);
    }
    let bin = compile(cfg, job, flags, link, &work.join("ref")).map_err(|msg| {
        format!("compilation with the reference compiler (LLVM) failed; the test itself is broken\n{msg}")
    })?;
    let outcome = run_program(cfg, job, d, &bin)?;
    if cfg.use_cache && outcome.status != Status::Timeout {
        write_cache(&entry, &outcome);
    }
    Ok(outcome)
}

fn read_cache(entry: &Path) -> Option<Outcome> {
    let status = Status::decode(&fs::read_to_string(entry.join("status")).ok()?)?;
    Some(Outcome {
        status,
        stdout: fs::read(entry.join("stdout")).ok()?,
        stderr: fs::read(entry.join("stderr")).ok()?,
    })
}

fn write_cache(entry: &Path, o: &Outcome) {
    // Write into a private directory, then rename it into place, so that a
    // concurrent or interrupted run never sees a partial entry.
    let Some(parent) = entry.parent() else { return };
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let tmp = parent.join(format!(
        ".tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let ok = fs::create_dir_all(&tmp).is_ok()
        && fs::write(tmp.join("stdout"), &o.stdout).is_ok()
        && fs::write(tmp.join("stderr"), &o.stderr).is_ok()
        && fs::write(tmp.join("status"), o.status.encode()).is_ok();
    if !ok || fs::rename(&tmp, entry).is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
}

/// Compiles the test into `out_dir`, returning the binary's path or a short
/// error message with the beginning of the compiler's stderr.
fn compile(
    cfg: &Config,
    job: &Job,
    flags: &[String],
    extra: &[String],
    out_dir: &Path,
) -> Result<PathBuf, String> {
    let (out, bin) = run_rustc(cfg, job, flags, extra, out_dir)?;
    if out.status != Status::Code(0) {
        return Err(format!(
            "rustc {}:\n{}",
            out.status,
            head_lines(&out.stderr, COMPILER_STDERR_LINES)
        ));
    }
    Ok(bin)
}

/// The diagnostics that identify a compile error: each `error…` headline with the
/// ` --> file:line:col` that follows it.
fn error_lines(stderr: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(stderr);
    let mut lines = Vec::new();
    let mut want_location = false;
    for l in text.lines() {
        if l.starts_with("error") && !l.starts_with("error: aborting due to") {
            lines.push(l.to_string());
            want_location = true;
        } else if want_location && l.trim_start().starts_with("--> ") {
            lines.push(l.trim_start().to_string());
            want_location = false;
        }
    }
    lines
}

/// `build-fail` tests: both compilers must reject the program with the same errors.
fn build_fail_verdict(
    cfg: &Config,
    job: &Job,
    flags: &[String],
    work: &Path,
) -> Result<Verdict, String> {
    let (reference, _) = run_rustc(cfg, job, flags, &[], &work.join("ref"))?;
    if reference.status == Status::Code(0) {
        return Ok(Verdict::Failed(vec![
            "build-fail: the reference (LLVM) compiled the program".into(),
        ]));
    }
    let extra = match &cfg.backend {
        Backend::Llvm => Vec::new(),
        Backend::Dylib(p) => vec![format!("-Zcodegen-backend={}", p.display())],
    };
    let (actual, _) = run_rustc(cfg, job, flags, &extra, &work.join("test"))?;
    if actual.status == Status::Code(0) {
        return Ok(Verdict::Failed(vec![
            "build-fail: the tested backend compiled the program".into(),
        ]));
    }
    let (want, got) = (error_lines(&reference.stderr), error_lines(&actual.stderr));
    if want.is_empty() {
        return Ok(Verdict::Failed(vec!["build-fail: the reference printed no error line".into()]));
    }
    if want != got {
        let diff = want
            .iter()
            .zip(got.iter().chain(std::iter::repeat(&String::new())))
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("expected `{a}`, got `{b}`"))
            .unwrap_or_else(|| format!("{} error lines expected, {} got", want.len(), got.len()));
        return Ok(Verdict::Failed(vec![format!(
            "build-fail: errors differ: {diff}\n{}",
            head_lines(&actual.stderr, COMPILER_STDERR_LINES)
        )]));
    }
    Ok(Verdict::Ok(format!("both rejected it with the same {} error line(s)", want.len())))
}

/// Runs rustc on the test; returns its outcome and the binary's path.
fn run_rustc(
    cfg: &Config,
    job: &Job,
    flags: &[String],
    extra: &[String],
    out_dir: &Path,
) -> Result<(Outcome, PathBuf), String> {
    fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let bin = out_dir.join(&job.name);
    let dir = job.path.parent().unwrap_or(Path::new("."));
    let file_name = job.path.file_name().unwrap();
    let mut cmd = Command::new(&cfg.rustc);
    // Compile from the test's directory with a bare file name, so that panic
    // locations and `Location::caller()` do not depend on where we run.
    // An ICE report goes next to the build output, not into the corpus dir.
    // A backtrace would crowd the panic message out of the lines we show;
    // the ICE report (kept with --keep) has it.
    // `cargo run` hands us its jobserver; rustc would wait on it for codegen tokens
    // while other rustcs we run hold them (once seen as a 600 s hang in CI).
    cmd.current_dir(dir)
        .env_remove("CARGO_MAKEFLAGS")
        .env_remove("MAKEFLAGS")
        .env_remove("MFLAGS")
        .env("RUSTC_ICE", out_dir)
        .env("RUST_BACKTRACE", "0")
        .arg(file_name)
        .args(flags)
        .args(extra)
        .arg("-o")
        .arg(&bin);
    if cfg.verbose {
        println!("  {}: {:?}", job.id(), cmd);
    }
    let out = exec::run(cmd, COMPILE_TIMEOUT).map_err(|e| format!("cannot run rustc: {e}"))?;
    Ok((out, bin))
}

fn run_program(cfg: &Config, job: &Job, d: &Directives, bin: &Path) -> Result<Outcome, String> {
    let mut cmd = match &cfg.cross {
        Some(c) => {
            let mut cmd = Command::new(&c.qemu);
            cmd.env("QEMU_LD_PREFIX", &c.ld_prefix).arg(bin);
            cmd
        }
        None => Command::new(bin),
    };
    cmd.args(&d.run_args)
        .current_dir(job.path.parent().unwrap_or(Path::new(".")))
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("RUST_MIN_STACK");
    for (k, v) in &d.exec_env {
        cmd.env(k, v);
    }
    exec::run(cmd, cfg.timeout).map_err(|e| format!("cannot run {}: {e}", bin.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_failures_file() {
        let set = parse_expected_failures(
            "# comment\n\nint_add@O0\nfloat_x.rs@O2   # why\n  abi_y@O3 extra words\n",
        )
        .unwrap();
        let mut v: Vec<_> = set.into_iter().collect();
        v.sort();
        assert_eq!(v, ["abi_y@O3", "float_x@O2", "int_add@O0"]);
        assert!(parse_expected_failures("int_add").is_err());
        assert!(parse_expected_failures("int_add@O7").is_err());
        assert!(parse_expected_failures("@O1").is_err());
    }

    #[test]
    fn default_flags() {
        let d = Directives::default();
        assert_eq!(
            compiler_flags(&d, 0),
            ["--edition", "2024", "-Copt-level=0", "-Cdebug-assertions=yes"]
        );
        assert_eq!(compiler_flags(&d, 2)[3], "-Cdebug-assertions=no");
        let d = directives::parse("//@ compile-flags: -Cdebug-assertions=on\n//@ edition: 2021")
            .unwrap();
        let f = compiler_flags(&d, 2);
        assert_eq!(f[1], "2021");
        assert_eq!(f.iter().filter(|f| f.contains("debug-assertions")).count(), 1);
    }

    #[test]
    fn hash_is_stable_and_separates_parts() {
        assert_eq!(stable_hash(&[b"ab", b"c"]), stable_hash(&[b"ab", b"c"]));
        assert_ne!(stable_hash(&[b"ab", b"c"]), stable_hash(&[b"a", b"bc"]));
        assert_eq!(stable_hash(&[]).len(), 32);
    }
}
