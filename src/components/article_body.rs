use super::{ArticleContext, BodyPart, Prerendering};
use crate::model::Article;
use crate::progressive::{first_step, next_step, next_step_weight, parts_after_update, shown_after_update, whole_parts, Part, STEP};
use std::rc::Rc;
use yew::prelude::*;

/// The class of the body's element; a prerendered page marks its children as one raw region
/// (`crate::hydration::mark_children_raw`).
pub const BODY_CLASS: &str = "folio-body";

/// Blocks per [`BodyPart`]: few enough that re-rendering and laying out the part around a changed
/// paragraph is cheap, enough that a 5,000-block body is a list of 157 parts, not 5,000.
const PART_BLOCKS: usize = 32;

/// Properties of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// Called from every render that has the whole body in (the root tells the host once per
    /// document).
    pub on_complete: Callback<()>,
    /// Whether the first article is a prerendered page being written or adopted: it is shown
    /// whole at once, not stepped in, and the browser, which scrolled to the address's section
    /// itself, is not asked to again. Adopted, the body's nodes are taken as they stand.
    #[prop_or_default]
    pub prerendered: Prerendering,
}

/// A run of at most [`PART_BLOCKS`] body blocks (see `BodyPartProps::blocks`) and the key of its
/// component: kept by a part that keeps or takes the place of an earlier one, so that Yew updates
/// that part's elements rather than making them anew.
struct KeyedPart {
    blocks: Part,
    key: usize,
}

impl std::borrow::Borrow<Part> for KeyedPart {
    fn borrow(&self) -> &Part {
        &self.blocks
    }
}

/// Which article the body shows, in which parts, how much of it, and how the steps are going.
#[derive(Default)]
struct Progress {
    article: Option<Rc<Article>>,
    /// The body, part by part.
    parts: Vec<KeyedPart>,
    /// The last key given.
    last_key: usize,
    /// Blocks shown; always a whole number of parts, or the whole body.
    shown: usize,
    /// The weight of the next step, and when the last one began (ms, the platform's clock).
    step_weight: usize,
    step_began: Option<f64>,
    /// Whether an earlier article was shown here: a later one (an update, a navigation in place)
    /// leaves the page where the reader is.
    replaced: bool,
    /// The body on screen is the prerendered page's, adopted as it stands rather than rendered
    /// part by part, until another article comes.
    adopted: bool,
}

impl Progress {
    fn shows(&self, article: &Rc<Article>) -> bool {
        self.article.as_ref().is_some_and(|shown| Rc::ptr_eq(shown, article))
    }

    /// Takes `article` in place of the one shown: a part whose blocks are all still there is kept
    /// as it is, even if blocks added or removed before it moved it (its component then skips its
    /// render at a pointer comparison); the blocks around a change make new parts.
    fn replace(&mut self, article: &Rc<Article>, steps: bool) {
        let shown = match (&self.article, steps) {
            (_, false) => article.body.len(),
            (Some(previous), true) => shown_after_update(&previous.body, self.shown, &article.body),
            (None, true) => first_step(&article.body),
        };
        self.parts = parts_after_update(&self.parts, &article.body, PART_BLOCKS)
            .into_iter()
            .map(|(blocks, place)| {
                let key = place.map(|i| self.parts[i].key).unwrap_or_else(|| {
                    self.last_key += 1;
                    self.last_key
                });
                KeyedPart { blocks, key }
            })
            .collect();
        self.shown = whole_parts(&self.parts, shown);
        self.step_weight = STEP;
        self.step_began = None;
        self.replaced |= self.article.is_some();
        self.article = Some(article.clone());
    }
}

/// The article text: every body block, in order. A long body arrives in steps, one per frame
/// (see [`crate::progressive`]); while it does, the body is marked `aria-busy`.
///
/// ```ignore
/// html! { <ArticleBody on_complete={on_complete} /> } // inside an ArticleView's context
/// ```
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let ctx = use_context::<ArticleContext>().expect("ArticleBody is rendered inside ArticleView");
    let article = ctx.article.clone();
    let key = Rc::as_ptr(&article) as usize;
    let progress = use_mut_ref(Progress::default);
    let redraw = use_force_update();
    let body_ref = use_node_ref();

    let (shown, finds_fragment, adopted) = {
        let mut progress = progress.borrow_mut();
        if !progress.shows(&article) {
            let first = progress.article.is_none();
            progress.replace(&article, ctx.platform.has_frames() && !(first && props.prerendered.is_prerendered()));
            progress.adopted = first && props.prerendered == Prerendering::Adopting;
        }
        (progress.shown, !progress.replaced && !props.prerendered.is_prerendered(), progress.adopted)
    };
    let complete = shown == article.body.len();
    if complete {
        // From the render itself rather than an effect: effects may wait for a painted frame.
        props.on_complete.emit(());
    }
    {
        let (progress, platform, article, body_ref) = (progress.clone(), ctx.platform.clone(), article.clone(), body_ref.clone());
        use_effect_with((key, shown), move |_| {
            let next = (!complete).then(|| {
                platform.clone().next_frame(Box::new(move |drawn| {
                    let mut progress = progress.borrow_mut();
                    if !progress.shows(&article) {
                        return;
                    }
                    let now = platform.now_ms();
                    if let Some(began) = progress.step_began.replace(now) {
                        progress.step_weight = next_step_weight(progress.step_weight, now - began);
                    }
                    // No frame came (a hidden tab): nobody is watching, so finish at once.
                    let shown = if drawn { next_step(&article.body, progress.shown, progress.step_weight) } else { article.body.len() };
                    progress.shown = whole_parts(&progress.parts, shown);
                    drop(progress);
                    redraw.force_update();
                }))
            });
            if complete && finds_fragment {
                if let Some(body) = body_ref.cast::<web_sys::Element>() {
                    scroll_to_fragment(&body);
                }
            }
            move || drop(next)
        });
    }
    let progress = progress.borrow();
    let mut first = 0;
    let shown_parts = progress.parts.iter().map_while(|KeyedPart { blocks, key }| {
        let part_first = first;
        first += blocks.len();
        (part_first < shown).then(|| {
            html! {
                <BodyPart key={*key} first={part_first} blocks={blocks.clone()} shown={(shown - part_first).min(blocks.len())}
                    outline={ctx.outline.clone()} presentation={ctx.presentation.clone()} />
            }
        })
    });
    let content = if adopted {
        // The prerendered body, marked by the command as one raw region: Yew adopts its nodes
        // without walking them, and removes them whole when another article comes. The one use of
        // `from_html_unchecked`, and with no markup: nothing is ever parsed from it.
        Html::from_html_unchecked(AttrValue::default())
    } else {
        shown_parts.collect::<Html>()
    };
    html! {
        <div class={BODY_CLASS} ref={body_ref} aria-busy={(!complete).then_some("true")}>
            { content }
        </div>
    }
}

/// A link to a section (`page#folio1-where-to-look`) is opened before the article exists, so the
/// browser finds nothing to scroll to: once the whole body is in the DOM, scroll to the element
/// the address names, when it is in this article.
fn scroll_to_fragment(body: &web_sys::Element) {
    let Some(article) = body.parent_element() else { return };
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return };
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else { return };
    let id = js_sys::decode_uri_component(id).map(String::from).unwrap_or_else(|_| id.to_owned());
    let Some(document) = article.owner_document() else { return };
    if let Some(target) = document.get_element_by_id(&id).filter(|t| article.contains(Some(t))) {
        target.scroll_into_view();
    }
}
