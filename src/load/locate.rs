//! Finding the place in a notice file that a key path refers to.
//!
//! Rules say *what* they are talking about as a [`KeyPath`] such as
//! `purposes[2].lawful_bases`; this module turns that into a byte span using
//! the TOML parser's own spans (never by searching the text), in the manner
//! of cargo's `get_key_value_span`. A path that does not exist resolves to
//! the nearest enclosing table, which is where the missing key belongs.

use std::ops::Range;

use foldhash::HashMap;

pub use crate::model::KeyPath;

use toml::de::{DeTable, DeValue};

/// Where a key and its value are in the file.
#[derive(Debug, Clone)]
pub struct Place {
    /// The key (for array elements, the element itself).
    pub key: Range<usize>,
    /// The value: for a `[table]` or `[[array]]` element, its header.
    pub value: Range<usize>,
}

/// What a [`KeyPath`] resolved to.
#[derive(Debug, Clone)]
pub enum Resolved {
    /// The value exists here.
    Found(Place),
    /// The value does not exist; this is the nearest enclosing table (or the
    /// start of the file).
    Missing {
        container: Range<usize>,
        container_path: KeyPath,
    },
}

/// How many keys and indexes deep the index goes. The deepest path a
/// notice has is five (`purposes[0].other_sources[1].name`).
pub const MAX_INDEXED_DEPTH: usize = 8;

/// How many plain values a list may have and still be indexed one by one.
/// A notice's lists of ids and bases have a handful.
pub const MAX_INDEXED_VALUES: usize = 256;

/// Every key path in a file and where it is.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    places: HashMap<KeyPath, Place>,
}

impl SpanIndex {
    /// Indexes a parsed document.
    pub fn new(root: &DeTable<'_>) -> Self {
        let mut index = Self::default();
        index.add_table(&KeyPath::root(), root);
        index
    }

    fn add_table(&mut self, path: &KeyPath, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            let child = path.key(key.get_ref());
            self.add_value(&child, value.get_ref());
            let place = Place {
                key: key.span(),
                value: value.span(),
            };
            self.places.insert(child, place);
        }
    }

    fn add_value(&mut self, path: &KeyPath, value: &DeValue<'_>) {
        // Nothing in a notice is nested this deep; deeper values (a hostile
        // `[[[[…]]]]`) resolve to their nearest indexed ancestor, and the
        // index stays in proportion to the file.
        if path.depth() >= MAX_INDEXED_DEPTH {
            return;
        }
        match value {
            DeValue::Table(table) => self.add_table(path, table),
            // A long list of plain values (a hostile `[1, 1, 1, …]`) is not
            // indexed element by element: a finding about one of them points
            // at the list. Lists of tables (`[[purposes]]`) always are.
            DeValue::Array(items)
                if items.len() > MAX_INDEXED_VALUES
                    && !items
                        .iter()
                        .any(|i| matches!(i.get_ref(), DeValue::Table(_))) => {}
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let child = path.index(i);
                    self.add_value(&child, item.get_ref());
                    let place = Place {
                        key: item.span(),
                        value: item.span(),
                    };
                    self.places.insert(child, place);
                }
            }
            _ => {}
        }
    }

    /// Where a path is, if it exists.
    pub fn get(&self, path: &KeyPath) -> Option<&Place> {
        self.places.get(path)
    }

    /// Where a path is, or where it belongs.
    pub fn resolve(&self, path: &KeyPath) -> Resolved {
        if let Some(place) = self.places.get(path) {
            return Resolved::Found(place.clone());
        }
        let mut ancestor = path.parent();
        while let Some(candidate) = ancestor {
            if let Some(place) = self.places.get(&candidate) {
                return Resolved::Missing {
                    container: place.value.clone(),
                    container_path: candidate,
                };
            }
            ancestor = candidate.parent();
        }
        Resolved::Missing {
            container: 0..0,
            container_path: KeyPath::root(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_and_nearest_tables() {
        let text = "[controller]\nname = \"X\"\n\n[[purposes]]\nid = \"a\"\n";
        let doc = DeTable::parse(text).expect("valid TOML");
        let index = SpanIndex::new(doc.get_ref());
        let name = KeyPath::root().key("controller").key("name");
        assert_eq!(name.to_string(), "controller.name");
        match index.resolve(&name) {
            Resolved::Found(place) => assert_eq!(&text[place.value], "\"X\""),
            other => panic!("expected found, got {other:?}"),
        }
        let missing = KeyPath::root().key("purposes").index(0).key("law");
        match index.resolve(&missing) {
            Resolved::Missing { container, .. } => assert_eq!(&text[container], "[[purposes]]"),
            other => panic!("expected missing, got {other:?}"),
        }
        match index.resolve(&KeyPath::root().key("dpo").key("email")) {
            Resolved::Missing { container, .. } => assert_eq!(container, 0..0),
            other => panic!("expected missing, got {other:?}"),
        }
    }
}
