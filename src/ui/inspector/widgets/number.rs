//! Numbers and spans, committing when the drag or the typing ends. A typed
//! number outside the field's range, not a number, or not whole where whole
//! numbers are asked for is refused: the field turns red and says what is
//! allowed, and the value stays as it was (never clamped in silence).

use std::cell::Cell;
use std::ops::RangeInclusive;

use egui::emath::Numeric;
use egui::{DragValue, Id, RichText, Ui};

use super::{ComboField, ERROR_COLOR, Labelled, commit_into, with_label};
use crate::model::Span;

/// A number: by default its label and the value on one row.
///
/// ```ignore
/// NumberField::new("Share at start").range(0.0..=1.0).speed(0.005).show(ui, &mut model.share);
/// ```
#[must_use = "call `show` to draw the field"]
pub struct NumberField<'a, N> {
    label: &'a str,
    salt: &'a str,
    labelled: Labelled,
    range: RangeInclusive<N>,
    speed: f64,
    prefix: &'a str,
    suffix: &'a str,
}

impl<'a, N: egui::emath::Numeric + Send + Sync + 'static> NumberField<'a, N> {
    /// A field named `label` (also its id, unless [`Self::id_salt`] says
    /// otherwise), any value of `N`, dragged one unit per point.
    pub fn new(label: &'a str) -> Self {
        NumberField {
            label,
            salt: label,
            labelled: Labelled::InRow,
            range: N::MIN..=N::MAX,
            speed: 1.0,
            prefix: "",
            suffix: "",
        }
    }

    /// Distinguishes the field from others with the same label in one form.
    pub fn id_salt(mut self, salt: &'a str) -> Self {
        self.salt = salt;
        self
    }

    /// Where the label goes (default: on a row with the value).
    pub fn labelled(mut self, labelled: Labelled) -> Self {
        self.labelled = labelled;
        self
    }

    /// The values allowed; a value from a file outside it stays until edited.
    pub fn range(mut self, range: RangeInclusive<N>) -> Self {
        self.range = range;
        self
    }

    /// How much the value changes per point dragged.
    pub fn speed(mut self, speed: f64) -> Self {
        self.speed = speed;
        self
    }

    /// The text shown before the value, e.g. `"×"`.
    pub fn prefix(mut self, prefix: &'a str) -> Self {
        self.prefix = prefix;
        self
    }

    /// The unit shown after the value, e.g. `" %"`.
    pub fn suffix(mut self, suffix: &'a str) -> Self {
        self.suffix = suffix;
        self
    }

    /// Draws the field for `value`; true when a finished edit changed it.
    /// Typed text that is not allowed is refused and said so in red.
    pub fn show(self, ui: &mut Ui, value: &mut N) -> bool {
        let id = ui.make_persistent_id(self.salt);
        let NumberField {
            range,
            speed,
            prefix,
            suffix,
            ..
        } = self;
        let refused_id = id.with("refused");
        // What the parser made of the text typed this frame, if it saw any.
        let verdict: Cell<Verdict> = Cell::new(Verdict::Unseen);
        let changed = with_label(ui, self.label, self.labelled, |ui, naming| {
            commit_into(ui, id, value, |ui, value| {
                let field = DragValue::new(value)
                    .range(range.clone())
                    // A value from a file stays as it is until the user edits it.
                    .clamp_existing_to_range(false)
                    .speed(speed)
                    .prefix(prefix)
                    .suffix(suffix)
                    .custom_parser(|text| {
                        let parsed = parse_allowed(text, &range);
                        verdict.set(match &parsed {
                            Ok(_) => Verdict::Allowed,
                            Err(why) => Verdict::Refused(why.clone()),
                        });
                        parsed.ok()
                    });
                let response = naming.apply(ui.add(field));
                refusal_mark_ui(ui, &response, refused_id, verdict.take());
                response
            })
        });
        refusal_note_ui(ui, refused_id);
        changed
    }
}

/// What the parser made of the text typed in a frame.
#[derive(Default)]
enum Verdict {
    /// No text was parsed this frame.
    #[default]
    Unseen,
    /// The text is an allowed number.
    Allowed,
    /// The text is refused, for this reason.
    Refused(String),
}

/// Keeps the latest verdict on typed text and outlines a refused field in red.
fn refusal_mark_ui(ui: &mut Ui, response: &egui::Response, refused_id: Id, verdict: Verdict) {
    let cancelled = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
    match verdict {
        _ if cancelled => ui.data_mut(|d| d.remove::<String>(refused_id)),
        Verdict::Allowed => ui.data_mut(|d| d.remove::<String>(refused_id)),
        Verdict::Refused(why) => ui.data_mut(|d| {
            d.insert_temp(refused_id, why);
        }),
        Verdict::Unseen => {}
    }
    if ui.data(|d| d.get_temp::<String>(refused_id)).is_some() {
        let stroke = egui::Stroke::new(1.5, ERROR_COLOR);
        (ui.painter()).rect_stroke(response.rect, 2.0, stroke, egui::StrokeKind::Outside);
    }
}

/// The refusal in words under the field, until the next allowed entry.
fn refusal_note_ui(ui: &mut Ui, refused_id: Id) {
    if let Some(why) = ui.data(|d| d.get_temp::<String>(refused_id)) {
        ui.label(RichText::new(why).small().color(ERROR_COLOR));
    }
}

/// The number `text` says, if `range` (and whole numbers, for an integer
/// field) allows it; else why not, with what is allowed.
pub fn parse_allowed<N: Numeric>(text: &str, range: &RangeInclusive<N>) -> Result<f64, String> {
    let cleaned: String = (text.chars())
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let allowed = allowed_text::<N>(range);
    let typed = text.trim();
    let Some(x) = cleaned.parse::<f64>().ok().filter(|x| x.is_finite()) else {
        return Err(format!("“{typed}” is not a number: enter {allowed}."));
    };
    if N::INTEGRAL && x.fract() != 0.0 {
        return Err(format!("{typed} is not a whole number: enter {allowed}."));
    }
    if x < range.start().to_f64() || x > range.end().to_f64() {
        return Err(format!("{typed} is out of range: enter {allowed}."));
    }
    Ok(x)
}

/// "a whole number from 0 to 23", "a number of at least 0", "a number".
fn allowed_text<N: Numeric>(range: &RangeInclusive<N>) -> String {
    let kind = if N::INTEGRAL {
        "a whole number"
    } else {
        "a number"
    };
    let (lo, hi) = (range.start().to_f64(), range.end().to_f64());
    // An unsigned type's 0 is a bound worth saying; a signed type's minimum is not.
    let open_low = lo <= -1e300 || (N::MIN.to_f64() < 0.0 && lo <= N::MIN.to_f64());
    let open_high = hi >= N::MAX.to_f64() || hi >= 1e300;
    match (open_low, open_high) {
        (true, true) => kind.to_owned(),
        (false, true) => format!("{kind} of at least {}", grouped(lo)),
        (true, false) => format!("{kind} of at most {}", grouped(hi)),
        (false, false) => format!("{kind} from {} to {}", grouped(lo), grouped(hi)),
    }
}

/// A number with thousands separators when whole and large ("100,000,000").
pub fn grouped(x: f64) -> String {
    if x.fract() != 0.0 || x.abs() < 10_000.0 {
        return crate::model::trim_float(x);
    }
    let digits = format!("{}", x.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

/// The unit of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Minutes,
    Hours,
    Days,
}

/// The units in the order of the unit picker.
const UNITS: [(Unit, &str); 3] = [
    (Unit::Minutes, "minutes"),
    (Unit::Hours, "hours"),
    (Unit::Days, "days"),
];

impl Unit {
    /// A span's number and unit.
    fn split(span: Span) -> (u32, Unit) {
        match span {
            Span::Minutes(n) => (n, Unit::Minutes),
            Span::Hours(n) => (n, Unit::Hours),
            Span::Days(n) => (n, Unit::Days),
        }
    }

    /// `n` of this unit.
    fn span(self, n: u32) -> Span {
        match self {
            Unit::Minutes => Span::Minutes(n),
            Unit::Hours => Span::Hours(n),
            Unit::Days => Span::Days(n),
        }
    }
}

/// A span: its label, a whole number and a unit (minutes, hours, days) on one row.
///
/// ```ignore
/// SpanField::new("Wait for").show(ui, &mut span);
/// ```
#[must_use = "call `show` to draw the field"]
pub struct SpanField<'a> {
    label: &'a str,
}

impl<'a> SpanField<'a> {
    /// A field named `label`, which is also its id.
    pub fn new(label: &'a str) -> Self {
        SpanField { label }
    }

    /// Draws the field for `span`; true when a finished edit changed it.
    pub fn show(self, ui: &mut Ui, span: &mut Span) -> bool {
        let (mut n, mut unit) = Unit::split(*span);
        ui.horizontal(|ui| {
            let label = ui.label(self.label);
            let by = Labelled::By(label.id);
            let n_changed = NumberField::new(self.label)
                .id_salt(&format!("{}-n", self.label))
                .labelled(by)
                .range(0..=100_000)
                .speed(0.2)
                .show(ui, &mut n);
            let unit_changed = ComboField::new(self.label, &UNITS)
                .id_salt(&format!("{}-unit", self.label))
                .labelled(by)
                .width(80.0)
                .show(ui, &mut unit);
            if n_changed || unit_changed {
                *span = unit.span(n);
            }
            n_changed || unit_changed
        })
        .inner
    }
}
