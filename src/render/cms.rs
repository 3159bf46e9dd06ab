//! The CMS flavour of the HTML fragment (`--fragment=cms`).
//!
//! A council CMS keeps only some tags of pasted HTML: a typical text
//! format (Drupal's "Basic HTML", which LocalGov Drupal builds on) drops
//! `article`, `div`, `dl`, tables and every class. The templates write
//! this flavour with the tags in [`ALLOWED_TAGS`] only — summary lists as
//! bulleted lists with bold keys, the retention table as a list, the
//! objection block as its own heading with its text in bold (still
//! "presented clearly and separately", UK GDPR Art. 21(4)) — and the
//! output is then cleaned with the same allow-list (ammonia, an HTML5
//! sanitiser), so Markdown in the notice (a table, a quote, code) cannot
//! bring in a tag the CMS would drop or mangle.

use std::collections::{HashMap, HashSet};

/// The tags of the CMS flavour. Every one is kept by Drupal's Basic HTML
/// text format (with `id` on headings, `href` on links).
pub const ALLOWED_TAGS: &[&str] = &["h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em"];

/// The fragment with only [`ALLOWED_TAGS`]: other tags are removed and
/// their text kept; only `href` on links and `id` on headings remain.
pub fn clean(html: &str) -> String {
    let tags: HashSet<&str> = ALLOWED_TAGS.iter().copied().collect();
    let heading_ids: HashSet<&str> = HashSet::from(["id"]);
    let attributes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("h2", heading_ids.clone()),
        ("h3", heading_ids.clone()),
        ("h4", heading_ids),
        ("a", HashSet::from(["href"])),
    ]);
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(attributes)
        .generic_attributes(HashSet::new())
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(None)
        .strip_comments(true)
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_allowed_tags_remain() {
        let out = clean(
            r#"<div class="x"><h3 id="a" class="b">T</h3><table><tr><td>cell</td></tr></table><p>A <code>c</code> <a href="javascript:alert(1)">x</a> <a href="https://e.org/">y</a></p></div>"#,
        );
        assert_eq!(
            out,
            r#"<h3 id="a">T</h3>cell<p>A c <a>x</a> <a href="https://e.org/">y</a></p>"#
        );
    }
}
