//! The assumptions in a marketer's words: "Email opened rate", "Cart
//! abandoned: daily rate", "VIP share". Names from the scenario
//! (`cart_abandoned`, `sms_opt_in`) are written as words, with the short
//! forms a marketer writes in capitals ("SMS", "VIP").

use crate::model::Channel;
use crate::sim::Param;

/// Short forms written in capitals when they are a word of a name.
const CAPITALS: [&str; 8] = ["sms", "vip", "ios", "b2b", "b2c", "nps", "id", "eu"];

/// A scenario name as words: `cart_abandoned` → "Cart abandoned",
/// `sms_opt_in` → "SMS opt in", `VIP` → "VIP".
pub fn words(name: &str) -> String {
    let parts: Vec<String> = name
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_lowercase();
            if CAPITALS.contains(&lower.as_str()) {
                lower.to_uppercase()
            } else {
                w.to_owned()
            }
        })
        .collect();
    let joined = parts.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_owned(),
    }
}

/// A channel as the window writes it ("Email", "SMS", "Push").
fn channel(c: &Channel) -> String {
    c.label()
}

/// The assumption `param` in plain words.
pub fn label(param: &Param) -> String {
    match param {
        Param::Delivered(c) => format!("{} delivered rate", channel(c)),
        Param::Opened(c) => format!("{} opened rate", channel(c)),
        Param::Clicked(c) => format!("{} clicked rate", channel(c)),
        Param::TriggerRate(t) => format!("{}: daily rate", words(t)),
        Param::ClickLift(t) => format!("{}: lift after a click", words(t)),
        Param::Share(s) => format!("{} share", words(s)),
        Param::JoinRate(s) => format!("{}: joins per day", words(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_names_read_as_words_with_short_forms_in_capitals() {
        assert_eq!(words("cart_abandoned"), "Cart abandoned");
        assert_eq!(words("sms_opt_in"), "SMS opt in");
        assert_eq!(words("vip"), "VIP");
        assert_eq!(words("app_users"), "App users");
        assert_eq!(words("purchased"), "Purchased");
    }

    #[test]
    fn assumptions_are_named_without_keys_or_codes() {
        assert_eq!(label(&Param::Opened(Channel::Email)), "Email opened rate");
        assert_eq!(label(&Param::Clicked(Channel::Sms)), "SMS clicked rate");
        assert_eq!(
            label(&Param::TriggerRate("cart_abandoned".to_owned())),
            "Cart abandoned: daily rate"
        );
        assert_eq!(label(&Param::Share("vip".to_owned())), "VIP share");
    }
}
