//! Long work on a thread of its own, so no frame waits for it: a run, a
//! comparison, an A/B plan, a sensitivity chart. Each [`Task`] carries a
//! cancel flag and a progress counter that the simulator reads and writes
//! (through [`Signals::options`]), and hands back its value once, when
//! joined.
//!
//! Cancelling (or dropping the task) sets the flag and joins the thread, so
//! a cancelled task leaves nothing behind; the caller keeps whatever result
//! it showed. A panic on the thread ends only the task: joining gives
//! [`Panicked`] with the panic's message, and the window goes on.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::sim::SimOptions;

/// What the work on the thread reads (cancel) and writes (progress).
#[derive(Clone, Debug)]
pub struct Signals {
    /// Set when the user cancels; the simulator then answers `Cancelled`.
    pub cancel: Arc<AtomicBool>,
    /// Work done so far, in the task's own unit (customers simulated).
    pub progress: Arc<AtomicU64>,
}

impl Signals {
    /// Simulator options with `customers` and `seed` that report to these signals.
    pub fn options(&self, customers: u64, seed: u64) -> SimOptions {
        SimOptions {
            customers: Some(customers),
            seed: Some(seed),
            threads: None,
            cancel: Some(Arc::clone(&self.cancel)),
            progress: Some(Arc::clone(&self.progress)),
        }
    }

    /// True once the user has cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// The task's thread panicked; its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panicked(pub String);

/// A value computed on a thread of its own.
#[derive(Debug)]
pub struct Task<T> {
    handle: Option<JoinHandle<T>>,
    signals: Signals,
    total: u64,
    started: Instant,
}

impl<T: Send + 'static> Task<T> {
    /// Starts `work` on a thread named `name`. `total` is the progress count
    /// at which the work is done (0: progress unknown). `notify` is called on
    /// the thread when the work ends (the app asks for a repaint).
    pub fn spawn(
        name: &str,
        total: u64,
        notify: Box<dyn Fn() + Send>,
        work: impl FnOnce(&Signals) -> T + Send + 'static,
    ) -> std::io::Result<Task<T>> {
        let signals = Signals {
            cancel: Arc::new(AtomicBool::new(false)),
            progress: Arc::new(AtomicU64::new(0)),
        };
        let theirs = signals.clone();
        let handle = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let value = work(&theirs);
                notify();
                value
            })?;
        Ok(Task {
            handle: Some(handle),
            signals,
            total,
            started: Instant::now(),
        })
    }
}

impl<T> Task<T> {
    /// How far the work is, 0..=1 (0 while the total is unknown).
    pub fn progress(&self) -> f32 {
        if self.total == 0 {
            return 0.0;
        }
        let done = self.signals.progress.load(Ordering::Relaxed) as f64;
        (done / self.total as f64).clamp(0.0, 1.0) as f32
    }

    /// The progress count so far (customers simulated, for work whose total
    /// is not known in advance).
    pub fn done(&self) -> u64 {
        self.signals.progress.load(Ordering::Relaxed)
    }

    /// The progress count at which the work is done.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Time since the task started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// True when the thread has ended (its value waits in [`Task::try_finish`]).
    pub fn is_finished(&self) -> bool {
        self.handle.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// The value, once the thread has ended (joining it); `None` while it
    /// runs, or after the value was taken.
    pub fn try_finish(&mut self) -> Option<Result<T, Panicked>> {
        if !self.is_finished() {
            return None;
        }
        self.join()
    }

    /// Sets the cancel flag without waiting (tests use it to cancel mid-way).
    pub fn request_cancel(&self) {
        self.signals.cancel.store(true, Ordering::Relaxed);
    }

    /// Cancels the work and waits for its thread to end (the simulator checks
    /// the flag between small chunks of customers, so this is quick).
    pub fn cancel(mut self) {
        self.cancel_and_join();
    }

    /// True once the value was taken (or the thread was joined).
    pub fn is_joined(&self) -> bool {
        self.handle.is_none()
    }

    fn cancel_and_join(&mut self) {
        self.request_cancel();
        // Nobody waits for a cancelled task: its value is unwanted.
        drop(self.join());
    }

    fn join(&mut self) -> Option<Result<T, Panicked>> {
        let handle = self.handle.take()?;
        Some(
            handle
                .join()
                .map_err(|payload| Panicked(panic_message(&*payload))),
        )
    }
}

/// The message a panic was raised with (`panic!` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        self.cancel_and_join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(task: &mut Task<T>) -> Result<T, Panicked> {
        let deadline = Instant::now() + Duration::from_mins(1);
        loop {
            if let Some(v) = task.try_finish() {
                return v;
            }
            assert!(Instant::now() < deadline, "the task did not end");
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    #[test]
    fn a_task_hands_back_its_value_once_with_full_progress() {
        let mut t = Task::spawn("test", 10, Box::new(|| {}), |s: &Signals| {
            s.progress.store(10, Ordering::Relaxed);
            42
        })
        .expect("spawns");
        assert_eq!(wait(&mut t), Ok(42));
        assert!((t.progress() - 1.0).abs() < 1e-6);
        assert!(t.try_finish().is_none(), "the value is taken once");
        assert!(t.is_joined());
    }

    #[test]
    fn a_cancelled_task_sees_the_flag_and_cancel_waits_for_its_end() {
        let ended = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&ended);
        let t = Task::spawn(
            "test",
            0,
            Box::new(move || flag.store(true, Ordering::SeqCst)),
            |s: &Signals| {
                while !s.cancelled() {
                    std::thread::sleep(Duration::from_millis(1));
                }
            },
        )
        .expect("spawns");
        t.cancel();
        assert!(
            ended.load(Ordering::SeqCst),
            "cancel returned after the thread ended"
        );
    }

    #[test]
    fn a_panic_ends_only_the_task_with_its_message() {
        let mut t: Task<()> = Task::spawn("test", 0, Box::new(|| {}), |_: &Signals| {
            panic!("boom");
        })
        .expect("spawns");
        assert_eq!(wait(&mut t), Err(Panicked("boom".to_owned())));
    }
}
