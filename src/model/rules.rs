//! The contract's reading rules as serde helpers, used by the model's `#[serde(...)]` attributes:
//!
//! - `null` in an optional field means absent (the contract); in a required field it is a wrong type.
//! - An object is read only from an object: a list of field values in its place
//!   (`"section": ["Science"]`) is a wrong type, though serde's derived structs would read it.
//! - Numbers are whole however JSON writes them (`3`, `3.0`, `30e-1`): JavaScript has no integers.
//! - Fields the model does not know are ignored, however deep (serde's derive does that).

use serde::de::{self, value::MapAccessDeserializer, Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Treats `null` like a missing field, for fields whose absence has a natural default.
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A struct read only from a JSON object: a list, text, number or boolean in its place is a wrong
/// type, reported at that path as "expected an object" (see [`object_named`]).
pub(crate) struct Object<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        object_named(deserializer, "an object").map(Object)
    }
}

/// Reads `T` from an object only, naming it `expected` in a wrong type's message.
pub(crate) fn object_named<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D, expected: &'static str) -> Result<T, D::Error> {
    deserializer.deserialize_any(ObjectVisitor(PhantomData, expected))
}

struct ObjectVisitor<T>(PhantomData<T>, &'static str);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

/// An optional struct field (`null` means absent), read only from an object.
pub(crate) fn optional_object<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Object<T>>::deserialize(deserializer)?.map(|o| o.0))
}

/// An optional list of structs (`null` means empty), each read only from an object.
pub(crate) fn object_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let list = Option::<Vec<Object<T>>>::deserialize(deserializer)?.unwrap_or_default();
    Ok(list.into_iter().map(|o| o.0).collect())
}

/// A whole number, however JSON writes it, that `fits`. A number that is not whole or does not
/// fit is refused as "`number` is not `what`: expected `expected`"; anything else is a wrong type.
pub(crate) fn whole<'de, D: Deserializer<'de>>(
    deserializer: D,
    what: &'static str,
    expected: &'static str,
    fits: fn(u64) -> bool,
) -> Result<u64, D::Error> {
    deserializer.deserialize_any(Whole { what, expected, fits })
}

struct Whole {
    what: &'static str,
    expected: &'static str,
    fits: fn(u64) -> bool,
}

impl Whole {
    fn refuse<E: de::Error>(&self, number: impl fmt::Display) -> E {
        E::custom(format_args!("{number} is not {}: expected {}", self.what, self.expected))
    }
}

/// The largest whole number JavaScript holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl<'de> Visitor<'de> for Whole {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expected)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        if v as f64 <= MAX_SAFE_INTEGER && (self.fits)(v) {
            Ok(v)
        } else {
            Err(self.refuse(v))
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(self.refuse(v)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        if v.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(&v) {
            self.visit_u64(v as u64)
        } else if v.is_nan() {
            Err(self.refuse("NaN"))
        } else if v.is_infinite() {
            Err(self.refuse(if v > 0.0 { "Infinity" } else { "-Infinity" }))
        } else if v.abs() >= 1e16 {
            // Written out in full it would be hundreds of digits.
            Err(self.refuse(format_args!("{v:e}")))
        } else {
            Err(self.refuse(v))
        }
    }
}

/// Text that is quoted in a message: at most 40 characters of it.
pub(crate) fn quoted(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Renders a serde_path_to_error path the way JavaScript would write it: `body[1].text`.
pub(crate) fn path_text(path: &serde_path_to_error::Path) -> String {
    path_prefix_text(path, usize::MAX)
}

/// The first `segments` segments of a path, as [`path_text`] writes them.
pub(crate) fn path_prefix_text(path: &serde_path_to_error::Path, segments: usize) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter().take(segments) {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}
