//! Rules on the steps of a version: paths, events, loops, A/B tests, channels.

use journey_designer::model::{
    Action, Channel, Condition, Decide, Event, Journey, ProblemKind, Rule, Severity, Span, Step,
    StepId, Variant, validate,
};

use super::{action, at, line, only, with_second_version};
use crate::foundation::rule_test_journey;

#[test]
fn first_step_naming_no_step_is_an_error() {
    let mut j = rule_test_journey();
    j.versions[0].first_step = StepId(99);
    // Nothing is reachable either, but that is not reported on top.
    let p = only(&j, ProblemKind::MissingFirstStep, Severity::Error);
    assert_eq!(p.version, Some(1));
    assert!(p.message.contains("step 99"), "{}", p.message);
    assert!(p.message.contains("does not exist"), "{}", p.message);
}

#[test]
fn next_naming_no_step_is_an_error() {
    let mut j = rule_test_journey();
    *action(&mut j, 0, 7) = Action::Message {
        channel: Channel::Push,
        content: "coupon".into(),
        transactional: false,
        next: Some(StepId(42)),
    };
    let p = only(&j, ProblemKind::MissingNext, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 7 'Coupon push': its 'next' path leads to step 42, which does not exist"
    );
    // Yes/no, variant and otherwise paths are checked too.
    let mut j = rule_test_journey();
    if let Action::Branch { rules, .. } = action(&mut j, 0, 5) {
        rules.push(Rule {
            when: Condition::Below("age".into(), 18.0),
            next: Some(StepId(43)),
        });
    }
    let p = only(&j, ProblemKind::MissingNext, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 5 'Country?': its 'age < 18' path leads to step 43, which does not exist"
    );
}

#[test]
fn event_on_a_step_that_sends_no_message_is_an_error() {
    let mut j = rule_test_journey();
    if let Action::IfThen { event, .. } = action(&mut j, 0, 3) {
        *event = Event::Clicked(StepId(2));
    }
    let p = only(&j, ProblemKind::EventNotMessage, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 3 'Opened welcome?': it waits for an interaction with step 2, which sends no message"
    );
    // A channel-optimization step sends a message: fine.
    let mut j = rule_test_journey();
    if let Action::IfThen { event, .. } = action(&mut j, 0, 3) {
        *event = Event::Delivered(StepId(8));
    }
    assert_eq!(validate(&j), vec![]);
    // A step that does not exist.
    if let Action::IfThen { event, .. } = action(&mut j, 0, 3) {
        *event = Event::Opened(StepId(77));
    }
    let p = only(&j, ProblemKind::EventNotMessage, Severity::Error);
    assert!(p.message.contains("does not exist"));
}

#[test]
fn cycle_without_a_positive_wait_is_an_error() {
    let mut j = rule_test_journey();
    // Coupon push leads back to the A/B test: a loop at one instant.
    if let Action::Message { next, .. } = action(&mut j, 0, 7) {
        *next = Some(StepId(4));
    }
    let p = only(&j, ProblemKind::InstantCycle, Severity::Error);
    assert_eq!(p.step, Some(StepId(4)));
    assert!(line(&p, &j).starts_with("step 4 'Coupon: email or push?': steps 4, 7 form a loop"));
    // A zero-length wait does not break the loop.
    let mut j = rule_test_journey();
    *action(&mut j, 0, 2) = Action::Wait {
        span: Span::Hours(0),
        next: Some(StepId(3)),
    };
    *action(&mut j, 0, 7) = Action::Message {
        channel: Channel::Push,
        content: String::new(),
        transactional: false,
        next: Some(StepId(2)),
    };
    only(&j, ProblemKind::InstantCycle, Severity::Error);
    // A step leading to itself.
    let mut j = rule_test_journey();
    if let Action::WaitUntil { next, .. } = action(&mut j, 0, 9) {
        *next = Some(StepId(9));
    }
    let p = only(&j, ProblemKind::InstantCycle, Severity::Error);
    assert_eq!(p.step, Some(StepId(9)));
}

#[test]
fn cycle_through_a_positive_wait_is_allowed() {
    let mut j = rule_test_journey();
    if let Action::Message { next, .. } = action(&mut j, 0, 7) {
        *next = Some(StepId(2)); // back to "Wait 2 days"
    }
    assert_eq!(validate(&j), vec![]);
}

fn variants(j: &mut Journey) -> &mut Vec<Variant> {
    match action(j, 0, 4) {
        Action::AbTest { variants, .. } => variants,
        _ => unreachable!("step 4 is the A/B test"),
    }
}

#[test]
fn ab_percentages_not_adding_to_100_is_an_error() {
    let mut j = rule_test_journey();
    variants(&mut j)[1].percent = 40.0;
    let p = only(&j, ProblemKind::AbPercentSum, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 4 'Coupon: email or push?': variant percentages add up to 90, not 100"
    );
    // Within 0.01 of 100 is fine.
    let mut j = rule_test_journey();
    variants(&mut j)[0].percent = 33.335;
    variants(&mut j)[1].percent = 66.67;
    assert_eq!(validate(&j), vec![]);
}

#[test]
fn ab_percentage_outside_0_to_100_is_an_error() {
    let mut j = rule_test_journey();
    variants(&mut j)[0].percent = 150.0;
    variants(&mut j)[1].percent = -50.0;
    let p = only(&j, ProblemKind::AbPercentRange, Severity::Error);
    assert!(p.message.contains("'Email' has 150%"), "{}", p.message);
}

#[test]
fn ab_test_without_variants_is_an_error() {
    let mut j = rule_test_journey();
    *action(&mut j, 0, 4) = Action::AbTest {
        variants: vec![],
        decide: None,
    };
    // Steps 6 and 7 are now unreachable: connect them elsewhere first.
    if let Action::Branch { otherwise, .. } = action(&mut j, 0, 5) {
        *otherwise = Some(StepId(6));
    }
    if let Action::Message { next, .. } = action(&mut j, 0, 6) {
        *next = Some(StepId(7));
    }
    if let Action::Message { next, .. } = action(&mut j, 0, 7) {
        *next = Some(StepId(9));
    }
    let p = only(&j, ProblemKind::AbNoVariants, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 4 'Coupon: email or push?': the A/B test has no variant"
    );
}

#[test]
fn ab_duplicate_variant_names_is_an_error() {
    let mut j = rule_test_journey();
    variants(&mut j)[1].name = "Email".into();
    let p = only(&j, ProblemKind::AbDuplicateVariant, Severity::Error);
    assert!(line(&p, &j).ends_with("two variants are named 'Email'"));
}

#[test]
fn ab_default_variant_that_is_not_a_variant_is_an_error() {
    let mut j = rule_test_journey();
    if let Action::AbTest { decide, .. } = action(&mut j, 0, 4) {
        *decide = Some(Decide {
            after: Span::Days(5),
            default_variant: "SMS".into(),
        });
    }
    let p = only(&j, ProblemKind::AbUnknownDefault, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 4 'Coupon: email or push?': the default variant 'SMS' is not one of the variants"
    );
}

#[test]
fn channel_optimization_without_channels_is_an_error() {
    let mut j = rule_test_journey();
    if let Action::ChannelOptimization { channels, .. } = action(&mut j, 0, 8) {
        channels.clear();
    }
    let p = only(&j, ProblemKind::NoChannels, Severity::Error);
    assert!(line(&p, &j).starts_with("step 8 'German reminder': "));
}

#[test]
fn step_no_path_reaches_is_a_warning() {
    let mut j = rule_test_journey();
    j.versions[0].steps.insert(
        StepId(11),
        Step {
            name: "Forgotten SMS".into(),
            at: (0.0, 300.0),
            action: Action::Message {
                channel: Channel::Sms,
                content: String::new(),
                transactional: false,
                next: None,
            },
        },
    );
    let p = only(&j, ProblemKind::Unreachable, Severity::Warning);
    assert_eq!(
        line(&p, &j),
        "step 11 'Forgotten SMS': no path reaches this step"
    );
    assert!(p.to_string().contains("warning: "));
}

#[test]
fn problems_name_the_version_when_there_are_several() {
    let mut j = with_second_version(Some(at(9)));
    if let Action::Message { next, .. } = action(&mut j, 1, 7) {
        *next = Some(StepId(42));
    }
    let p = only(&j, ProblemKind::MissingNext, Severity::Error);
    assert_eq!(p.version, Some(2));
    assert!(line(&p, &j).starts_with("version 2, step 7 'Coupon push': "));
}
