//! Portable Text into Folio's body. The source is a Folio document whose `body` holds Portable
//! Text blocks (Portable Text has no headline or dates of its own); every other field is kept as
//! written and checked by Folio.
//!
//! Blocks: styles `normal` → paragraph, `h1`/`h2` → heading 2 (the headline is the one `<h1>`),
//! `h3`..`h6` → their level, `blockquote` → quote. Consecutive blocks with a `listItem` build one
//! list, `level` nesting them under the item before; a new top-level list starts where the kind
//! of the top-level items changes. `image` blocks with an asset URL are images; `code` blocks
//! (the common code-input type) are code. The inline part (spans, marks, links) is in
//! `pt_inline.rs`.

use super::list_items::{add_at_level, list_block, Item};
use super::pt_inline::block_text;
use super::source::{field_path, item_path, quoted_name, text_field};
use super::{ConvertError, Converted, SanityProject};
use crate::model::describe;
use crate::url::{is_loadable, sanitize};
use serde_json::{json, Map, Value};

/// Converts a Folio document whose body is Portable Text.
pub(crate) fn convert_document(document: &Value, sanity: Option<&SanityProject>) -> Result<Converted, ConvertError> {
    let Value::Object(fields) = document else {
        return Err(ConvertError::at("", format!("the document root must be an object (an article), found {}", describe(document))));
    };
    let blocks = match fields.get("body") {
        Some(Value::Array(blocks)) => blocks,
        Some(other) => return Err(ConvertError::at("body", format!("expected a list of Portable Text blocks, found {}", describe(other)))),
        None => return Err(ConvertError::at("body", "required: a list of Portable Text blocks")),
    };
    let mut writer = Writer { sanity: sanity.cloned(), ..Writer::default() };
    for (index, block) in blocks.iter().enumerate() {
        writer.block(block, &item_path("body", index));
    }
    writer.end_list();
    let mut article: Map<String, Value> = fields.iter().filter(|(name, _)| *name != "body").map(|(n, v)| (n.clone(), v.clone())).collect();
    article.insert("body".into(), Value::Array(writer.blocks));
    Ok(Converted { document: Value::Object(article), warnings: writer.warnings })
}

/// A list being built from consecutive list blocks.
struct OpenList {
    /// The `listItem` of its top-level items.
    kind: String,
    ordered: bool,
    items: Vec<Item>,
}

#[derive(Default)]
struct Writer {
    /// Where image asset references point, when the caller said.
    sanity: Option<SanityProject>,
    blocks: Vec<Value>,
    warnings: Vec<String>,
    list: Option<OpenList>,
}

impl Writer {
    fn block(&mut self, block: &Value, path: &str) {
        if !block.is_object() {
            self.end_list();
            return self.warnings.push(format!("{path}: a block that is not an object skipped"));
        }
        let kind = block.get("_type").and_then(Value::as_str);
        if kind == Some("block") && block.get("listItem").is_some() {
            return self.list_item(block, path);
        }
        self.end_list();
        match kind {
            Some("block") => self.text_block(block, path),
            Some("image") => self.image(block, path),
            Some("code") if block.get("code").is_some_and(Value::is_string) => {
                let mut code = json!({ "type": "code", "text": block["code"] });
                if let Some(language) = text_field(block, "language") {
                    code["language"] = json!(language);
                }
                self.blocks.push(code);
            }
            other => self.unknown(block, other.unwrap_or(""), path),
        }
    }

    fn text_block(&mut self, block: &Value, path: &str) {
        let text = block_text(block, path, &mut self.warnings).into_value();
        let style = block.get("style").and_then(Value::as_str).unwrap_or("normal");
        let converted = match style {
            "normal" => json!({ "type": "paragraph", "text": text }),
            "h1" | "h2" => json!({ "type": "heading", "text": text }),
            "h3" | "h4" | "h5" | "h6" => json!({ "type": "heading", "level": style[1..].parse::<u8>().unwrap_or(6), "text": text }),
            "blockquote" => json!({ "type": "quote", "text": text }),
            other => {
                self.warnings.push(format!("{}: unknown style {}: shown as a paragraph", field_path(path, "style"), quoted_name(other)));
                json!({ "type": "paragraph", "text": text })
            }
        };
        self.blocks.push(converted);
    }

    fn list_item(&mut self, block: &Value, path: &str) {
        let kind = match block.get("listItem") {
            Some(Value::String(kind)) => kind.as_str(),
            _ => "",
        };
        let ordered = kind == "number";
        if kind != "number" && kind != "bullet" {
            self.warnings.push(format!("{}: unknown list type {}: shown as bullets", field_path(path, "listItem"), quoted_name(kind)));
        }
        if let Some(style) = block.get("style").and_then(Value::as_str).filter(|style| *style != "normal") {
            self.warnings.push(format!("{}: the style {} of a list item is not kept", field_path(path, "style"), quoted_name(style)));
        }
        let level = block.get("level").and_then(Value::as_u64).map_or(1, |level| usize::try_from(level).unwrap_or(usize::MAX));
        if level <= 1 && self.list.as_ref().is_some_and(|list| list.kind != kind) {
            self.end_list();
        }
        let text = block_text(block, path, &mut self.warnings).into_value();
        let list = self.list.get_or_insert_with(|| OpenList { kind: kind.to_owned(), ordered, items: Vec::new() });
        add_at_level(&mut list.items, level, ordered, Item::new(text));
    }

    /// Writes the list being built, if any.
    fn end_list(&mut self) {
        if let Some(list) = self.list.take() {
            self.blocks.push(list_block(list.ordered, list.items));
        }
    }

    fn image(&mut self, block: &Value, path: &str) {
        let asset = block.get("asset").unwrap_or(&Value::Null);
        let reference = text_field(asset, "_ref").and_then(AssetReference::parse);
        let from_reference = reference.as_ref().zip(self.sanity.as_ref()).map(|(r, project)| r.url(project, block.get("crop")));
        let Some(url) = text_field(asset, "url").map(str::to_owned).or(from_reference) else {
            let why = match (asset.get("_ref"), &reference) {
                (None, _) => "it has no asset URL",
                (Some(_), Some(_)) => "its asset is a reference, and no Sanity project was given (--sanity-project)",
                (Some(_), None) => "its asset is a reference that does not name an image",
            };
            return self.warnings.push(format!("{path}: an image skipped: {why}"));
        };
        let Some(src) = sanitize(&url).filter(|url| is_loadable(url)) else {
            return self.warnings.push(format!("{path}.asset.url: an unsafe URL: the image is skipped"));
        };
        let alt = text_field(block, "alt").unwrap_or_default();
        if alt.is_empty() {
            self.warnings.push(format!("{path}: no alt: the image is shown with an empty alt, as a decorative image is"));
        }
        let mut image = json!({ "type": "image", "src": src, "alt": alt });
        // The reference names the image's size: the box is kept before it loads.
        if let (Some(reference), None) = (&reference, block.get("crop")) {
            image["width"] = json!(reference.width);
            image["height"] = json!(reference.height);
        }
        if let Some(caption) = text_field(block, "caption") {
            image["caption"] = json!(caption);
        }
        self.blocks.push(image);
    }

    /// A block of a type Folio does not know: its text, if it has any, as a paragraph.
    fn unknown(&mut self, block: &Value, kind: &str, path: &str) {
        let name = quoted_name(kind);
        let text = match block.get("text").and_then(Value::as_str) {
            Some(text) => Some(json!(text)),
            None if block.get("children").is_some_and(Value::is_array) => Some(block_text(block, path, &mut self.warnings).into_value()),
            None => None,
        };
        match text {
            Some(text) => {
                self.warnings.push(format!("{path}: unknown block type {name}: its text is kept as a paragraph"));
                self.blocks.push(json!({ "type": "paragraph", "text": text }));
            }
            None => self.warnings.push(format!("{path}: unknown block type {name} skipped")),
        }
    }
}

/// A Sanity image asset reference: `image-<id>-<width>x<height>-<format>`.
struct AssetReference {
    id: String,
    width: u64,
    height: u64,
    format: String,
}

impl AssetReference {
    fn parse(reference: &str) -> Option<AssetReference> {
        let rest = reference.strip_prefix("image-")?;
        let (rest, format) = rest.rsplit_once('-')?;
        let (id, size) = rest.rsplit_once('-')?;
        let (width, height) = size.split_once('x')?;
        let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
        (plain(id) && plain(format)).then_some(())?;
        Some(AssetReference { id: id.to_owned(), width: width.parse().ok()?, height: height.parse().ok()?, format: format.to_owned() })
    }

    /// The image on Sanity's CDN, cut to `crop` (fractions of each side) as Sanity's own image
    /// URL builder asks for it (`rect=left,top,width,height` in pixels).
    fn url(&self, project: &SanityProject, crop: Option<&Value>) -> String {
        let AssetReference { id, width, height, format } = self;
        let base = format!("https://cdn.sanity.io/images/{}/{}/{id}-{width}x{height}.{format}", project.project_id, project.dataset);
        let side = |name: &str| crop.and_then(|c| c.get(name)).and_then(Value::as_f64).filter(|f| (0.0..1.0).contains(f)).unwrap_or(0.0);
        let (left, top, right, bottom) = (side("left"), side("top"), side("right"), side("bottom"));
        if left + top + right + bottom == 0.0 || left + right >= 1.0 || top + bottom >= 1.0 {
            return base;
        }
        let (w, h) = (*width as f64, *height as f64);
        let (x, y) = ((left * w).round(), (top * h).round());
        let (cw, ch) = (((1.0 - left - right) * w).round(), ((1.0 - top - bottom) * h).round());
        format!("{base}?rect={x},{y},{cw},{ch}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sanity_asset_reference_is_an_image_on_the_cdn_cut_to_its_crop() {
        let project = SanityProject { project_id: "p1".into(), dataset: "production".into() };
        let reference = AssetReference::parse("image-Abc123-3456x2304-jpg").unwrap();
        assert_eq!((reference.width, reference.height), (3456, 2304));
        assert_eq!(reference.url(&project, None), "https://cdn.sanity.io/images/p1/production/Abc123-3456x2304.jpg");
        let crop = json!({ "top": 0.1, "bottom": 0.1, "left": 0.25, "right": 0.25 });
        assert_eq!(
            reference.url(&project, Some(&crop)),
            "https://cdn.sanity.io/images/p1/production/Abc123-3456x2304.jpg?rect=864,230,1728,1843"
        );
        for bad in ["file-Abc-pdf", "image-Abc-3456-jpg", "image-../x-1x1-jpg", "image-Abc-1x1-"] {
            assert!(AssetReference::parse(bad).is_none(), "{bad}");
        }
    }
}
