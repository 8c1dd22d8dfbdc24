//! Images, as the lead image or as a body block: a plain view function, since a figure has no
//! state of its own.

use super::inline::inline;
use super::Presentation;
use crate::model::Image;
use yew::prelude::*;

/// `<figure><img alt><figcaption>` for an image. The `width`/`height` attributes let the browser
/// reserve the box before the file arrives, so the text below does not jump. An image whose URL
/// is refused keeps its caption and shows its alt text in a placeholder box.
pub fn figure(ctx: &Presentation, image: &Image, lead: bool) -> Html {
    let class = classes!("folio-figure", lead.then_some("folio-figure-lead"));
    let size = match (image.width, image.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => Some((w.to_string(), h.to_string())),
        _ => None,
    };
    let (width, height) = size.clone().unzip();
    let picture = match ctx.resource_url(Some(&image.src)) {
        Some(src) => html! {
            <img
                class="folio-image"
                src={src}
                alt={image.alt.clone()}
                width={width}
                height={height}
                loading={if lead { "eager" } else { "lazy" }}
                decoding="async"
            />
        },
        None => html! { <span class="folio-image-missing" role="img" aria-label={image.alt.clone()}>{ &image.alt }</span> },
    };
    let has_caption = image.caption.is_some() || image.credit.is_some();
    html! {
        <figure class={class}>
            { picture }
            if has_caption {
                <figcaption class="folio-caption">
                    if let Some(caption) = &image.caption {
                        <span class="folio-caption-text">{ inline(ctx, caption) }</span>
                    }
                    if let Some(credit) = &image.credit {
                        <span class="folio-credit">{ credit }</span>
                    }
                </figcaption>
            }
        </figure>
    }
}
