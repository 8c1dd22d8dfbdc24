//! One object of the body read as a block: its `type` chooses the variant of [`Block`], wherever
//! it stands among the block's fields, and a block of a type this renderer does not know is
//! skipped rather than failing the document. serde's internally tagged enums would do the first
//! but not the second, and they read the fields from a buffer where `serde_path_to_error` cannot
//! follow, so a bad field would be named by its block only. [`BodyItem`] reads the block object
//! itself: the fields before `type` (none, in the usual case) are kept aside, then [`Block`]'s
//! derived reader takes them and the rest of the object as the variant named by `type`. A bad field
//! is then named by its exact path (`body[1].text`).

use super::block::Block;
use super::rules::path_text;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// A body block as read: one to show, or the `type` of one this renderer does not know.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum BodyItem {
    Shown(Block),
    Skipped(String),
}

impl<'de> Deserialize<'de> for BodyItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BodyItemVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for BodyItem {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "BodyItem".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One block of the article body, chosen by its `type`.",
            "oneOf": [
                generator.subschema_for::<Block>(),
                {
                    "description": "A block of a type this renderer does not know: skipped (and reported on the console), not an error.",
                    "type": "object",
                    "properties": { "type": { "type": "string", "not": { "enum": Block::TYPES } } },
                    "required": ["type"]
                }
            ]
        })
    }
}

struct BodyItemVisitor;

impl<'de> Visitor<'de> for BodyItemVisitor {
    type Value = BodyItem;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a block object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyItem, A::Error> {
        let mut before = Vec::new();
        let kind = loop {
            let Some(key) = map.next_key::<String>()? else {
                return Err(de::Error::missing_field("type"));
            };
            if key == "type" {
                break map.next_value::<BlockType>()?.0;
            }
            if Block::FIELDS.contains(&key.as_str()) {
                before.push((key, map.next_value_seed(Kept(1))?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        };
        if !Block::TYPES.contains(&kind.as_str()) {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(BodyItem::Skipped(kind));
        }
        Block::deserialize(TypedFields { kind, before: before.into_iter(), rest: map }).map(BodyItem::Shown)
    }
}

/// A block's `type`: text, nothing else.
struct BlockType(String);

impl<'de> Deserialize<'de> for BlockType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TypeVisitor;
        impl<'de> Visitor<'de> for TypeVisitor {
            type Value = BlockType;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the block type as text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BlockType, E> {
                Ok(BlockType(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<BlockType, E> {
                Ok(BlockType(v))
            }
        }
        deserializer.deserialize_any(TypeVisitor)
    }
}

/// How deeply a value kept from before a block's `type` may nest: deeper than any field of a block
/// needs (spans in a list's items are four levels), and far from the end of the stack.
const KEPT_DEPTH: usize = 16;

/// Reads a value kept from before a block's `type` into a `serde_json::Value`, at most
/// [`KEPT_DEPTH`] levels deep: a JavaScript object may hold a cycle, which would never end.
struct Kept(usize);

impl<'de> DeserializeSeed<'de> for Kept {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Kept {
    fn deeper<E: de::Error>(&self) -> Result<Kept, E> {
        if self.0 >= KEPT_DEPTH {
            return Err(E::custom(format_args!(
                "lists and objects are nested more than {KEPT_DEPTH} levels deep here, deeper than a block's field can be"
            )));
        }
        Ok(Kept(self.0 + 1))
    }
}

impl<'de> Visitor<'de> for Kept {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.deeper()?)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            fields.insert(key, map.next_value_seed(self.deeper()?)?);
        }
        Ok(Value::Object(fields))
    }
}

/// The fields of a block whose `type` is `kind`, offered to [`Block`]'s derived reader as the enum
/// variant `kind`: the fields that came before `type`, then the rest of the block object.
struct TypedFields<A> {
    kind: String,
    before: std::vec::IntoIter<(String, Value)>,
    rest: A,
}

/// Marks a message whose path goes on past the block: see [`split_field_path`].
const FIELD_PATH_MARK: char = '\u{1}';

/// A fault in a field read from [`TypedFields::before`], where `serde_path_to_error` cannot see:
/// the message carries the rest of the path (`text[1].bold`), between two marks, for
/// `parse.rs` to add to the block's path.
fn fault_in_kept_field<E: de::Error>(field: &str, inner: &serde_path_to_error::Path, message: &str) -> E {
    let inner = path_text(inner);
    let separator = if inner.is_empty() || inner.starts_with('[') { "" } else { "." };
    E::custom(format_args!("{FIELD_PATH_MARK}{field}{separator}{inner}{FIELD_PATH_MARK}{message}"))
}

/// Splits a message made by `fault_in_kept_field` into the rest of the path and the message.
pub(crate) fn split_field_path(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix(FIELD_PATH_MARK)?;
    rest.split_once(FIELD_PATH_MARK)
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for TypedFields<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for TypedFields<A> {
    type Error = A::Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), A::Error> {
        let variant = seed.deserialize(de::value::StrDeserializer::<A::Error>::new(&self.kind))?;
        Ok((variant, self))
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for TypedFields<A> {
    type Error = A::Error;

    /// A divider reads no field.
    fn unit_variant(mut self) -> Result<(), A::Error> {
        while self.rest.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        seed.deserialize(de::value::MapAccessDeserializer::new(self))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }
}

/// The fields kept from before `type` first, then the rest of the block object.
impl<'de, A: MapAccess<'de>> MapAccess<'de> for TypedFields<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        match self.before.as_slice().first() {
            Some((key, _)) => seed.deserialize(de::value::StrDeserializer::<A::Error>::new(key)).map(Some),
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let Some((key, value)) = self.before.next() else {
            return self.rest.next_value_seed(seed);
        };
        let mut track = serde_path_to_error::Track::new();
        seed.deserialize(serde_path_to_error::Deserializer::new(value, &mut track))
            .map_err(|e: serde_json::Error| fault_in_kept_field(&key, &track.path(), &e.to_string()))
    }
}
