//! Generated journeys of any size, for screenshots, tests and the frame-time
//! benchmark. Deterministic for a seed. No egui here.

use std::collections::{BTreeMap, VecDeque};

use crate::model::{Action, Channel, Event, Journey, Span, Step, StepId, Variant, Version};

/// A small deterministic generator (xorshift), enough to vary shapes.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A valid version of `steps` steps: chains of messages and waits, with
/// if/then and A/B splits whose paths sometimes join again. Laid out.
pub fn generated_version(steps: usize, seed: u64) -> Version {
    generated_version_with_paths(steps, seed, 6)
}

/// Like [`generated_version`], with up to about `paths` paths side by side
/// (more paths: a taller, denser canvas).
pub fn generated_version_with_paths(steps: usize, seed: u64, paths: usize) -> Version {
    let mut dice = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut map: BTreeMap<StepId, Step> = BTreeMap::new();
    // Outputs still pointing nowhere: (step, output index).
    let mut open: VecDeque<(StepId, usize)> = VecDeque::new();
    let mut last_message: Option<StepId> = None;
    for i in 1..=steps.max(1) {
        let id = StepId(i as u32);
        // A split only while there is room for more paths side by side.
        let action = roll_action(&mut dice, i, last_message, open.len() < paths);
        if matches!(action, Action::Message { .. }) {
            last_message = Some(id);
        }
        let n_out = action.outputs().len();
        map.insert(
            id,
            Step {
                name: step_name(&action, i),
                at: (0.0, 0.0),
                action,
            },
        );
        // Join one or (sometimes) two open paths into the new step.
        let joins = if open.len() > 1 && dice.below(4) == 0 {
            2
        } else {
            1
        };
        for _ in 0..joins {
            if let Some((from, o)) = open.pop_front()
                && let Some(slot) = map.get_mut(&from).and_then(|s| s.action.output_mut(o))
            {
                *slot = Some(id);
            }
        }
        open.extend((0..n_out).map(|o| (id, o)));
    }
    let mut version = Version {
        published_at: None,
        stopped_at: None,
        first_step: StepId(1),
        steps: map,
    };
    for (id, at) in super::layout::auto_layout(&version) {
        if let Some(s) = version.steps.get_mut(&id) {
            s.at = at;
        }
    }
    version
}

/// The action of step `i`: a message, a wait, or (when `split` allows) an
/// if/then on the last message or an A/B split, with every output open.
fn roll_action(dice: &mut Dice, i: usize, last_message: Option<StepId>, split: bool) -> Action {
    match (dice.below(10), last_message) {
        (0 | 1, Some(m)) if split => Action::IfThen {
            event: Event::Opened(m),
            within: Span::Days(1 + dice.below(3) as u32),
            yes: None,
            no: None,
        },
        (2, _) if split => Action::AbTest {
            variants: ["A", "B"]
                .iter()
                .map(|n| Variant {
                    name: (*n).to_owned(),
                    percent: 50.0,
                    next: None,
                })
                .collect(),
            decide: None,
        },
        (3..=5, _) => Action::Wait {
            span: Span::Days(1 + dice.below(4) as u32),
            next: None,
        },
        _ => Action::Message {
            channel: [Channel::Email, Channel::Sms, Channel::Push][dice.below(3) as usize].clone(),
            content: format!("message {i}"),
            transactional: false,
            next: None,
        },
    }
}

/// The name of step `i` with `action`: "Email 3", "Wait 4", "Opened? 5", "Split 6".
fn step_name(action: &Action, i: usize) -> String {
    match action {
        Action::Message { channel, .. } => format!("{} {i}", channel.label()),
        Action::Wait { .. } => format!("Wait {i}"),
        Action::IfThen { .. } => format!("Opened? {i}"),
        _ => format!("Split {i}"),
    }
}

/// A valid journey around [`generated_version`].
pub fn generated_journey(steps: usize, seed: u64) -> Journey {
    generated_journey_with_paths(steps, seed, 6)
}

/// A valid journey around [`generated_version_with_paths`].
pub fn generated_journey_with_paths(steps: usize, seed: u64, paths: usize) -> Journey {
    let starts_at = chrono::DateTime::from_timestamp(1_772_442_000, 0).unwrap_or_default();
    let mut journey = Journey::new_empty(format!("Generated {steps} steps"), starts_at);
    journey.versions = vec![generated_version_with_paths(steps, seed, paths)];
    journey
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_journeys_are_valid_and_deterministic() {
        let j = generated_journey(100, 7);
        assert_eq!(j.versions[0].steps.len(), 100);
        let errors: Vec<_> = crate::model::validate(&j)
            .into_iter()
            .filter(crate::model::Problem::is_error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(j, generated_journey(100, 7));
    }
}
