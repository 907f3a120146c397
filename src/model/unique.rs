//! Maps that refuse a repeated key when loaded.
//!
//! A plain `BTreeMap` keeps the last of two equal keys, so a step pasted
//! twice with the same id would silently replace the first: lost work. Used
//! with `#[serde(deserialize_with = "unique::map")]`.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use super::step::{Channel, StepId};

/// How a key is named in the error message.
pub(crate) trait KeyName {
    /// E.g. "step 3", "\"email_opt_in\"", "channel Email".
    fn key_name(&self) -> String;
}

impl KeyName for StepId {
    fn key_name(&self) -> String {
        format!("step {self}")
    }
}

impl KeyName for String {
    fn key_name(&self) -> String {
        format!("{self:?}")
    }
}

impl KeyName for Channel {
    fn key_name(&self) -> String {
        format!("channel {}", self.label())
    }
}

/// Deserialises a map, failing on the second occurrence of a key.
pub(crate) fn map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + KeyName,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueVisitor(PhantomData))
}

struct UniqueVisitor<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for UniqueVisitor<K, V>
where
    K: Deserialize<'de> + Ord + KeyName,
    V: Deserialize<'de>,
{
    type Value = BTreeMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map with each key once")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(key) = access.next_key::<K>()? {
            if map.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "{} appears twice: each may appear only once (the second would replace the first)",
                    key.key_name()
                )));
            }
            let value = access.next_value::<V>()?;
            map.insert(key, value);
        }
        Ok(map)
    }
}

/// A map whose values are maps, both refusing repeated keys.
pub(crate) fn nested_map<'de, D, K, K2, V>(
    deserializer: D,
) -> Result<BTreeMap<K, BTreeMap<K2, V>>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + KeyName,
    K2: Deserialize<'de> + Ord + KeyName,
    V: Deserialize<'de>,
{
    /// The inner map, refusing repeated keys too.
    struct Inner<K2, V>(BTreeMap<K2, V>);
    impl<'de, K2, V> Deserialize<'de> for Inner<K2, V>
    where
        K2: Deserialize<'de> + Ord + KeyName,
        V: Deserialize<'de>,
    {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            map(deserializer).map(Inner)
        }
    }
    let outer: BTreeMap<K, Inner<K2, V>> = map(deserializer)?;
    Ok(outer.into_iter().map(|(k, v)| (k, v.0)).collect())
}
