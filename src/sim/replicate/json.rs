//! `simulate --replications R --json`: the report of run 0, byte for byte as
//! without the flag, plus a last top-level key `replications`
//! (assets/docs/format.md).

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{AbVerdicts, BandRow, NamedSpread, Replicated, Spread};
use crate::sim::json::JsonReport;

#[derive(Serialize)]
struct WithReplications<'a> {
    #[serde(flatten)]
    report: JsonReport<'a>,
    replications: JsonReplications<'a>,
}

#[derive(Serialize)]
struct JsonReplications<'a> {
    count: u64,
    metrics: Metrics<'a>,
    ab_verdicts: Vec<JsonVerdicts<'a>>,
    timeline: Vec<JsonBand<'a>>,
}

/// The metrics as an object, in their order.
struct Metrics<'a>(&'a [NamedSpread]);

impl Serialize for Metrics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for m in self.0 {
            map.serialize_entry(&m.name, &JsonSpread(&m.spread))?;
        }
        map.end()
    }
}

struct JsonSpread<'a>(&'a Spread);

impl Serialize for JsonSpread<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.0;
        let mut map = serializer.serialize_map(Some(6))?;
        for (key, value) in [
            ("mean", s.mean),
            ("p10", s.p10),
            ("p50", s.p50),
            ("p90", s.p90),
            ("min", s.min),
            ("max", s.max),
        ] {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct JsonVerdicts<'a> {
    version: u32,
    step: u32,
    winners: Winners<'a>,
    inconclusive: u64,
}

impl<'a> From<&'a AbVerdicts> for JsonVerdicts<'a> {
    fn from(v: &'a AbVerdicts) -> Self {
        JsonVerdicts {
            version: v.version,
            step: v.step.0,
            winners: Winners(&v.winners),
            inconclusive: v.inconclusive,
        }
    }
}

/// Every variant's wins, in the step's order, zeros included.
struct Winners<'a>(&'a [(String, u64)]);

impl Serialize for Winners<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, runs) in self.0 {
            map.serialize_entry(name, runs)?;
        }
        map.end()
    }
}

/// Statistics are written as JSON floats (a quantile of counts too).
#[derive(Serialize)]
struct JsonBand<'a> {
    at: &'a crate::model::Instant,
    in_progress: [f64; 3],
    converted: [f64; 3],
}

impl Replicated {
    /// The JSON of `simulate --replications R --json`, pretty-printed.
    pub fn to_json_string(&self) -> String {
        let r = &self.replications;
        let view = WithReplications {
            report: self.first.json_view(),
            replications: JsonReplications {
                count: r.count,
                metrics: Metrics(&r.metrics),
                ab_verdicts: r.ab_verdicts.iter().map(JsonVerdicts::from).collect(),
                timeline: r
                    .timeline
                    .iter()
                    .map(|b: &BandRow| JsonBand {
                        at: &b.at,
                        in_progress: b.in_progress.map(|n| n as f64),
                        converted: b.converted.map(|n| n as f64),
                    })
                    .collect(),
            },
        };
        serde_json::to_string_pretty(&view).unwrap_or_default()
    }
}
