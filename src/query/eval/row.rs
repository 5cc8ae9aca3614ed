//! One row of variable bindings.
//!
//! Written here rather than using a `BTreeMap<String, Value>`: the matcher clones a row at every
//! step of a pattern, and a B-tree allocates a node of eleven slots (about 900 bytes with our
//! `Value`) plus one string per key for each clone. A row holds a handful of variables, so a
//! sorted vector with inline-stored names (`SmolStr`, no allocation for short names) clones with
//! one small allocation and looks names up by binary search.

use super::super::value::Value;
use smol_str::SmolStr;

/// Variable bindings of one row, sorted by variable name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    vars: Vec<(SmolStr, Value)>,
}

impl Row {
    /// An empty row.
    pub fn new() -> Self {
        Row { vars: Vec::new() }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.vars.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    /// The value bound to `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.find(name).ok().map(|i| &self.vars[i].1)
    }

    /// True when `name` is bound.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Binds `name` to `value`, returning the value it replaces.
    pub fn insert(&mut self, name: impl AsRef<str>, value: Value) -> Option<Value> {
        let name = name.as_ref();
        match self.find(name) {
            Ok(i) => Some(std::mem::replace(&mut self.vars[i].1, value)),
            Err(i) => {
                self.vars.insert(i, (SmolStr::new(name), value));
                None
            }
        }
    }

    /// Binds `name` to `value` unless it is bound already.
    pub fn insert_if_absent(&mut self, name: &str, value: Value) {
        if let Err(i) = self.find(name) {
            self.vars.insert(i, (SmolStr::new(name), value));
        }
    }

    /// Removes the binding of `name`.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.find(name).ok().map(|i| self.vars.remove(i).1)
    }

    /// The bound names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.vars.iter().map(|(k, _)| k.as_str())
    }

    /// The bindings, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The number of bound names.
    pub fn len(&self) -> usize {
        self.vars.len()
    }

    /// True when nothing is bound.
    pub fn is_empty(&self) -> bool {
        self.vars.is_empty()
    }
}

impl<K: AsRef<str>> Extend<(K, Value)> for Row {
    fn extend<I: IntoIterator<Item = (K, Value)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: AsRef<str>> FromIterator<(K, Value)> for Row {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(iter: I) -> Self {
        let mut row = Row::new();
        row.extend(iter);
        row
    }
}

impl IntoIterator for Row {
    type Item = (String, Value);
    type IntoIter = std::iter::Map<
        std::vec::IntoIter<(SmolStr, Value)>,
        fn((SmolStr, Value)) -> (String, Value),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.vars.into_iter().map(|(k, v)| (k.to_string(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_replace_remove() {
        let mut r = Row::new();
        assert!(r.insert("b", Value::Int(2)).is_none());
        assert!(r.insert("a", Value::Int(1)).is_none());
        assert_eq!(r.insert("b", Value::Int(3)), Some(Value::Int(2)));
        assert_eq!(r.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(r.get("b"), Some(&Value::Int(3)));
        assert!(!r.contains_key("c"));
        r.insert_if_absent("a", Value::Null);
        assert_eq!(r.get("a"), Some(&Value::Int(1)));
        assert_eq!(r.remove("a"), Some(Value::Int(1)));
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn collects_in_name_order() {
        let r: Row = [("z", Value::Null), ("y", Value::Bool(true))]
            .into_iter()
            .collect();
        let owned: Vec<(String, Value)> = r.into_iter().collect();
        assert_eq!(owned[0].0, "y");
        assert_eq!(owned[1].0, "z");
    }
}
