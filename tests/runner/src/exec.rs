//! Running a child process with captured output and a timeout.

use std::io::{self, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::compare::{Outcome, Status};

/// At most this much of each stream is kept; the rest is drained and dropped.
const MAX_CAPTURE: usize = 64 << 20;

#[repr(C)]
struct RLimit {
    cur: u64,
    max: u64,
}

unsafe extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
    fn setrlimit(resource: i32, rlim: *const RLimit) -> i32;
}

const SIGKILL: i32 = 9;
const RLIMIT_CORE: i32 = 4;

fn drain<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = MAX_CAPTURE.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        kept
    })
}

/// Runs `cmd` with stdin closed (null), stdout and stderr captured, in its own
/// process group, without core dumps. After `timeout` the whole process group
/// is killed and the status is [`Status::Timeout`].
pub fn run(mut cmd: Command, timeout: Duration) -> io::Result<Outcome> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    // SAFETY: setrlimit is async-signal-safe and touches no Rust state.
    unsafe {
        cmd.pre_exec(|| {
            let lim = RLimit { cur: 0, max: 0 };
            setrlimit(RLIMIT_CORE, &lim);
            Ok(())
        });
    }
    let mut child = cmd.spawn()?;
    let out = drain(child.stdout.take().expect("piped stdout"));
    let err = drain(child.stderr.take().expect("piped stderr"));
    let start = Instant::now();
    let mut nap = Duration::from_millis(1);
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break if let Some(sig) = st.signal() {
                Status::Signal(sig)
            } else {
                Status::Code(st.code().unwrap_or(-1))
            };
        }
        if start.elapsed() >= timeout {
            let pid = child.id() as i32;
            // SAFETY: plain syscall; the negative pid names the process group
            // that we created for this child.
            unsafe {
                kill(-pid, SIGKILL);
            }
            let _ = child.kill();
            let _ = child.wait();
            break Status::Timeout;
        }
        thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(20));
    };
    if status != Status::Timeout {
        // Kill leftovers (e.g. a daemonized grandchild) that would keep the
        // pipes open and hang the readers.
        // SAFETY: as above.
        unsafe {
            kill(-(child.id() as i32), SIGKILL);
        }
    }
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    Ok(Outcome { status, stdout, stderr })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_and_reports_exit_code() {
        let mut c = Command::new("sh");
        c.args(["-c", "echo out; echo err >&2; exit 3"]);
        let o = run(c, Duration::from_secs(10)).unwrap();
        assert_eq!(o.status, Status::Code(3));
        assert_eq!(o.stdout, b"out\n");
        assert_eq!(o.stderr, b"err\n");
    }

    #[test]
    fn reports_signal_and_timeout() {
        let mut c = Command::new("sh");
        c.args(["-c", "kill -ABRT $$"]);
        let o = run(c, Duration::from_secs(10)).unwrap();
        assert_eq!(o.status, Status::Signal(6));

        let mut c = Command::new("sh");
        c.args(["-c", "sleep 5"]);
        let t = Instant::now();
        let o = run(c, Duration::from_millis(200)).unwrap();
        assert_eq!(o.status, Status::Timeout);
        assert!(t.elapsed() < Duration::from_secs(4));
    }
}
