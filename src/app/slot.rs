//! A value handed from a callback or another thread to the app: the
//! screenshot's outcome, the canvas export's result, an error met while the
//! window closes. The callback puts it in, the app takes it out once.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// A shared place for one value; clones share the place.
#[derive(Debug)]
pub struct Slot<T>(Arc<Mutex<Option<T>>>);

impl<T> Slot<T> {
    /// Puts `value` in (replacing a value nobody took).
    pub fn put(&self, value: T) {
        *self.lock() = Some(value);
    }

    /// Takes the value out, if there is one.
    pub fn take(&self) -> Option<T> {
        self.lock().take()
    }

    /// True while a value waits to be taken.
    pub fn is_filled(&self) -> bool {
        self.lock().is_some()
    }

    // A callback that panicked while holding the lock left a whole value or
    // none (`put` and `take` cannot stop halfway): the value is still good.
    fn lock(&self) -> MutexGuard<'_, Option<T>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        Slot(Arc::clone(&self.0))
    }
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(Arc::new(Mutex::new(None)))
    }
}

#[cfg(test)]
mod tests {
    use super::Slot;

    #[test]
    fn a_value_put_in_one_clone_is_taken_once_from_another() {
        let slot = Slot::default();
        let other = slot.clone();
        other.put(7);
        assert!(slot.is_filled());
        assert_eq!(slot.take(), Some(7));
        assert_eq!(other.take(), None);
    }
}
