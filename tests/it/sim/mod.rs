//! Simulator tests: the rules of SEMANTICS.md (S1–S17), the corpus, properties and the CLI.

mod api;
mod build;
mod check;
mod cli;
mod compare;
mod corpus;
mod counting;
mod delivery;
mod entry;
mod estimate;
mod exits;
mod experiments;
mod goal;
mod plan;
mod props;
mod props_format2;
mod replications;
mod sensitivity;
mod series;
mod step_conversions;
mod steps;
