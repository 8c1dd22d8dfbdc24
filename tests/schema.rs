//! The published JSON Schema of the article document, `static/article.schema.json`, is generated
//! from the model types (`--features schema`); these tests keep the committed file equal to what
//! the types say. After changing `src/model`, regenerate it with
//!
//! ```text
//! FOLIO_WRITE_SCHEMA=1 cargo test --features schema --test schema
//! ```
//!
//! `tests/e2e/schema.test.mjs` then checks the file against the samples, the fixtures and the
//! contract's examples with a JSON Schema validator.
#![cfg(feature = "schema")]

use folio::model::Article;

/// Where the schema is published; `index.html` has Trunk copy it into the built site.
const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/static/article.schema.json");

/// The schema as it is published: draft 2020-12, pretty JSON, one trailing newline. No `$id`,
/// so the file means the same wherever it is served from.
fn generated_schema() -> String {
    let mut schema = schemars::schema_for!(Article);
    schema.insert("title".into(), "Folio article document, contract version 1".into());
    schema.insert(
        "description".into(),
        "A news article for the Folio renderer (the article contract, version 1, §1). Field names are \
         camelCase, unknown fields are ignored, and `null` in an optional field means absent."
            .into(),
    );
    serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n"
}

#[test]
fn committed_schema_matches_the_model_types() {
    let generated = generated_schema();
    if std::env::var_os("FOLIO_WRITE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(SCHEMA_FILE, &generated).expect("static/article.schema.json is writable");
        return;
    }
    let committed = std::fs::read_to_string(SCHEMA_FILE).unwrap_or_default();
    assert!(
        committed == generated,
        "static/article.schema.json differs from the schema of the model types; regenerate it with\n  \
         FOLIO_WRITE_SCHEMA=1 cargo test --features schema --test schema"
    );
}

#[test]
fn schema_is_draft_2020_12_without_a_network_id() {
    let schema: serde_json::Value = serde_json::from_str(&generated_schema()).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["title"], "Folio article document, contract version 1");
    assert!(schema.get("$id").is_none());
}

#[test]
fn schema_never_closes_an_object_because_unknown_fields_are_ignored() {
    assert!(!generated_schema().contains("additionalProperties"));
}
