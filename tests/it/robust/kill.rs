//! Saves killed at random moments: a child process saves two journeys in
//! turn, as fast as it can, and is killed (SIGKILL) at a random moment, over
//! and over. After every kill the file loads and holds one of the two
//! journeys whole, the debris is gone once the file is opened, and the next
//! save leaves nothing beside the file.
//!
//! The child is this test binary itself, running [`save_loop_child`].

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use journey_designer::model::Journey;
use journey_designer::store;

use super::{entries, welcome_text};

/// Tells [`save_loop_child`] where to save.
const CHILD_ENV: &str = "JOURNEY_DESIGNER_SAVE_LOOP";

/// What the child prints when it starts saving (the test harness may print
/// before it on the same line).
const READY: &str = "save-loop-ready";

/// How many times the child is killed.
const KILLS: u32 = 240;

/// The two journeys the child saves in turn (different sizes, so a torn
/// write could not pass for either).
fn journeys() -> [Journey; 2] {
    let a = store::parse(&welcome_text()).unwrap();
    let mut b = a.clone();
    b.name = "Welcome series, the long edition ".repeat(40);
    [a, b]
}

/// Not a test of its own: the child of the kill test, which sets
/// [`CHILD_ENV`]; without it, it returns at once.
#[test]
#[ignore = "the child process of the kill test, which runs it"]
fn save_loop_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = Path::new(&path);
    let journeys = journeys();
    println!("{READY}");
    for turn in 0usize.. {
        store::save(path, &journeys[turn % 2]).unwrap();
    }
}

/// Kills the child when the test ends, whatever happens.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the child saving to `target` and waits until it is about to save.
fn start_child(target: &Path) -> Killed {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "robust::kill::save_loop_child",
            "--ignored",
            "--nocapture",
        ])
        .args(["--test-threads", "1"])
        .env(CHILD_ENV, target)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (ready, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if line.is_ok_and(|l| l.contains(READY)) {
                let _ = ready.send(());
                return;
            }
        }
    });
    let child = Killed(child);
    wait.recv_timeout(Duration::from_mins(1))
        .expect("the child starts saving");
    child
}

#[cfg(unix)]
#[test]
fn saves_killed_at_random_moments_leave_the_old_or_the_new_journey_and_no_debris() {
    let dir = tempfile::tempdir().unwrap();
    let name = "welcome.journey.ron";
    let path = dir.path().join(name);
    // Every other child saves through a symbolic link to the same file.
    let link = dir.path().join("link.journey.ron");
    std::os::unix::fs::symlink(name, &link).unwrap();
    let clean = vec!["link.journey.ron".to_owned(), name.to_owned()];
    let journeys = journeys();
    store::save(&path, &journeys[0]).unwrap();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut debris = 0;
    for kill in 0..KILLS {
        let target = if kill % 2 == 0 { &path } else { &link };
        let mut child = start_child(target);
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        std::thread::sleep(Duration::from_micros(state % 4_000));
        child.0.kill().unwrap();
        child.0.wait().unwrap();
        if entries(dir.path()) != clean {
            debris += 1;
        }
        // Half the time the file is opened (which clears the debris), half
        // the time only read, so that the next save must clear it.
        let opened = kill % 4 < 2;
        let loaded = if opened {
            store::load(&path)
        } else {
            store::parse_bytes(&std::fs::read(&path).unwrap())
        };
        let loaded = loaded.unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        assert!(journeys.contains(&loaded), "kill {kill}: a torn journey");
        if opened {
            assert_eq!(
                entries(dir.path()),
                clean,
                "kill {kill}: opening clears the debris"
            );
        }
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        store::save(target, &journeys[0]).unwrap();
        assert_eq!(
            entries(dir.path()),
            clean,
            "kill {kill}: the next save leaves nothing"
        );
    }
    println!("{KILLS} kills during saves, {debris} left a temporary file (all removed)");
}
