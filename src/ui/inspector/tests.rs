//! UI tests of the inspector, driven as a person would.
