//! Key paths: how rules and diagnostics name a value in a notice, such as
//! `purposes[2].lawful_bases`, independently of where it is in a file
//! ([`crate::load::locate`] turns a path into a span).

use std::fmt;

/// A path to a value in a notice: keys and array indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct KeyPath(Vec<Segment>);

/// A key is shared, not copied, by the paths under it: a path is made for
/// every value of every notice (the span index), and copying each key
/// string into each longer path was most of the cost of making them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Segment {
    Key(std::sync::Arc<str>),
    Index(usize),
}

impl KeyPath {
    /// The whole file.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path followed by a key.
    pub fn key(&self, key: &str) -> Self {
        self.then(Segment::Key(key.into()))
    }

    /// This path followed by an array index.
    pub fn index(&self, index: usize) -> Self {
        self.then(Segment::Index(index))
    }

    /// This path and one more segment, allocated once (a clone and a push
    /// would allocate twice: a clone has no room to spare).
    fn then(&self, last: Segment) -> Self {
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(last);
        Self(segments)
    }

    /// The enclosing path, or `None` at the root.
    pub fn parent(&self) -> Option<Self> {
        let mut path = self.clone();
        path.0.pop().map(|_| path)
    }

    /// For a path inside a purpose (`purposes[3].recipients[0]`): the
    /// purpose's index and the rest of the path (`recipients[0]`).
    pub fn in_purpose(&self) -> Option<(usize, KeyPath)> {
        match self.0.as_slice() {
            [Segment::Key(key), Segment::Index(i), rest @ ..] if &**key == "purposes" => {
                Some((*i, KeyPath(rest.to_vec())))
            }
            _ => None,
        }
    }

    /// The first key of the path, if it starts with a key.
    pub fn first_key(&self) -> Option<&str> {
        match self.0.first() {
            Some(Segment::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// The last key of the path, if it ends in a key.
    pub fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(Segment::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// How a TOML author names the table this path is: `[controller]`,
    /// `[[purposes]]`, `[purposes.provision]`.
    pub fn table_name(&self) -> String {
        let keys: Vec<&str> = self
            .0
            .iter()
            .filter_map(|s| match s {
                Segment::Key(k) => Some(&**k),
                Segment::Index(_) => None,
            })
            .collect();
        match self.0.last() {
            Some(Segment::Index(_)) => format!("[[{}]]", keys.join(".")),
            _ => format!("[{}]", keys.join(".")),
        }
    }

    /// The rest of this path after `prefix`, if it starts with it.
    pub fn strip_prefix(&self, prefix: &KeyPath) -> Option<KeyPath> {
        self.0
            .starts_with(&prefix.0)
            .then(|| KeyPath(self.0[prefix.0.len()..].to_vec()))
    }

    /// This path followed by `rest`.
    pub fn join(&self, rest: &KeyPath) -> KeyPath {
        let mut path = self.clone();
        path.0.extend(rest.0.iter().cloned());
        path
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// How many keys and indexes the path has (the root has none).
    pub fn depth(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}
