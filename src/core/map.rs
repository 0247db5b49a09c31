//! Small ordered collections for the session and the content: a sorted
//! vector instead of a B-tree.
//!
//! The maps Crossroads keeps are small (a few dozen answers, ratings or
//! weights), and every one was a separate `BTreeMap` instantiation in the
//! wasm — tens of kilobytes of tree code for the first visit. A sorted `Vec`
//! does the same job here in a fraction of the code, keeps the same order
//! and the same JSON (an object with sorted keys, an array of sorted values).
//!
//! Building one from many entries (reading JSON, `collect`, `extend`) never
//! inserts one at a time, which would move the tail of the vector for every
//! key — quadratic for keys in descending order, seconds for a crafted
//! 1 MB file. The entries are gathered, sorted once (stable, so for a key
//! given twice the last one wins, as with `BTreeMap`) and deduplicated:
//! O(n log n). Reading JSON also refuses more than [`MAX_ENTRIES`] entries.

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most entries a map or set read from JSON may hold: far more than any
/// bank has questions, skills or certifications (a few hundred), and small
/// enough that an oversized file is refused at once.
pub const MAX_ENTRIES: usize = 10_000;

/// The order of `n` items sorted by `cmp` (which compares the items at two
/// places), equal items in the order given: a bottom-up merge sort of the
/// places, O(n log n). A few hundred bytes of wasm for every kind of map,
/// set and id list together — the standard library's sorts cost kilobytes
/// on the first visit.
///
/// Items already in order (as every map the app itself wrote is, a result
/// file's answers among them) are recognised in n − 1 comparisons: a
/// cohort reads thousands of such files, and preparing each (reading and
/// scoring it) takes about 7 % less time without the full sort.
pub(crate) fn sorted_order(
    n: usize,
    cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if (1..n).all(|i| cmp(i - 1, i) != std::cmp::Ordering::Greater) {
        return order;
    }
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Only a strictly smaller right-hand item goes first: ties
                // keep their order.
                if cmp(order[j], order[i]) == std::cmp::Ordering::Less {
                    merged[k] = order[j];
                    j += 1;
                } else {
                    merged[k] = order[i];
                    i += 1;
                }
                k += 1;
            }
            merged[k..k + (mid - i)].copy_from_slice(&order[i..mid]);
            k += mid - i;
            merged[k..k + (end - j)].copy_from_slice(&order[j..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `items` by `cmp`, equal items keeping their order: the same
/// result as the standard library's stable `sort_by`, through the one merge
/// sort above. The standard sort is a separate copy for every element type
/// and comparison; the planner had 21 of them (about 40 KB of its wasm).
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    let order = sorted_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    // `order` holds every place once, so every item is taken once.
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// [`sort_by`] comparing a key of each item.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `entries` by key and keeps the last entry of each key.
fn sorted_last_wins<K: Ord, V>(entries: Vec<(K, V)>) -> Vec<(K, V)> {
    let order = sorted_order(entries.len(), &|a, b| entries[a].0.cmp(&entries[b].0));
    let mut slots: Vec<Option<(K, V)>> = entries.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(order.len());
    for (at, &i) in order.iter().enumerate() {
        // Equal keys are next to each other, in the order given: an entry
        // is kept when the next one has another key.
        let key = |j: usize| slots[j].as_ref().map(|e| &e.0);
        let last_of_key = order.get(at + 1).is_none_or(|&next| key(next) != key(i));
        if let Some(entry) = slots[i].take().filter(|_| last_of_key) {
            out.push(entry);
        }
    }
    out
}

/// Sorts `members` and drops repeats.
fn sorted_unique<K: Ord>(members: Vec<K>) -> Vec<K> {
    sorted_last_wins(members.into_iter().map(|k| (k, ())).collect())
        .into_iter()
        .map(|(k, ())| k)
        .collect()
}

/// An ordered map kept as a vector sorted by key.
#[derive(Clone, PartialEq, Eq)]
pub struct Map<K, V>(Vec<(K, V)>);

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map(Vec::new())
    }
}

impl<K: Ord, V> Map<K, V> {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for Map<K, V> {
    type Output = V;
    /// The value at `key`; panics when there is none, like `BTreeMap`.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Map(sorted_last_wins(iter.into_iter().collect()))
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for Map<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<K: Ord, V> Extend<(K, V)> for Map<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        let mut entries = std::mem::take(&mut self.0);
        entries.extend(iter);
        self.0 = sorted_last_wins(entries);
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Map<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = Map<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = access.next_entry()? {
                    if entries.len() == MAX_ENTRIES {
                        return Err(A::Error::custom(TooMany));
                    }
                    entries.push(entry);
                }
                Ok(Map(sorted_last_wins(entries)))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// The message when a list or object is longer than [`MAX_ENTRIES`].
struct TooMany;

impl fmt::Display for TooMany {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "more than {MAX_ENTRIES} entries")
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for Map<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::collections::BTreeMap::<K, V>::schema_name()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        std::collections::BTreeMap::<K, V>::json_schema(generator)
    }
}

/// An ordered set kept as a sorted vector.
#[derive(Clone, PartialEq, Eq)]
pub struct Set<K>(Vec<K>);

impl<K> Default for Set<K> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<K: Ord> Set<K> {
    pub fn new() -> Self {
        Set(Vec::new())
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|k| k.borrow().cmp(key))
    }

    pub fn contains<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Adds `key`; `false` if it was already there.
    pub fn insert(&mut self, key: K) -> bool {
        match self.find(&key) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, key);
                true
            }
        }
    }

    /// Removes `key`; `false` if it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        match self.find(key) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Members in order.
    pub fn iter(&self) -> std::slice::Iter<'_, K> {
        self.0.iter()
    }
}

impl<K: Ord> FromIterator<K> for Set<K> {
    fn from_iter<I: IntoIterator<Item = K>>(iter: I) -> Self {
        Set(sorted_unique(iter.into_iter().collect()))
    }
}

impl<K: Ord, const N: usize> From<[K; N]> for Set<K> {
    fn from(members: [K; N]) -> Self {
        members.into_iter().collect()
    }
}

impl<K: Ord> Extend<K> for Set<K> {
    fn extend<I: IntoIterator<Item = K>>(&mut self, iter: I) {
        let mut members = std::mem::take(&mut self.0);
        members.extend(iter);
        self.0 = sorted_unique(members);
    }
}

impl<K> IntoIterator for Set<K> {
    type Item = K;
    type IntoIter = std::vec::IntoIter<K>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K> IntoIterator for &'a Set<K> {
    type Item = &'a K;
    type IntoIter = std::slice::Iter<'a, K>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<K: fmt::Debug> fmt::Debug for Set<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.iter()).finish()
    }
}

impl<K: Serialize> Serialize for Set<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

impl<'de, K: Ord + Deserialize<'de>> Deserialize<'de> for Set<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SetVisitor<K>(PhantomData<K>);
        impl<'de, K: Ord + Deserialize<'de>> Visitor<'de> for SetVisitor<K> {
            type Value = Set<K>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(k) = access.next_element()? {
                    if members.len() == MAX_ENTRIES {
                        return Err(A::Error::custom(TooMany));
                    }
                    members.push(k);
                }
                Ok(members.into_iter().collect())
            }
        }
        deserializer.deserialize_seq(SetVisitor(PhantomData))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<K: schemars::JsonSchema> schemars::JsonSchema for Set<K> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::collections::BTreeSet::<K>::schema_name()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        std::collections::BTreeSet::<K>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_orders_as_the_standard_stable_sort_does_ties_included() {
        // Pairs with few distinct keys, so that many compare equal: the
        // second field tells whether equal keys kept their order.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..300 {
            let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut standard = items.clone();
            standard.sort_by_key(|a| a.0);
            assert_eq!(ours, standard, "{len} items");
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |p| std::cmp::Reverse(p.0));
            standard.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(by_key, standard, "{len} items, descending");
            // Already in order (the quick path), and in order but for one
            // smaller key at the end (the full sort).
            let mut in_order = items.clone();
            in_order.sort_by_key(|a| a.0);
            let mut ours = in_order.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            assert_eq!(ours, in_order, "{len} items in order");
            let mut nearly = in_order.clone();
            nearly.push((0, len));
            let mut ours = nearly.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            nearly.sort_by_key(|a| a.0);
            assert_eq!(ours, nearly, "{len} items in order but the last");
        }
    }

    #[test]
    fn map_keeps_keys_sorted_and_unique_and_reads_back_its_json() {
        let mut m: Map<String, u8> = Map::new();
        assert_eq!(m.insert("b".into(), 2), None);
        assert_eq!(m.insert("a".into(), 1), None);
        assert_eq!(m.insert("b".into(), 3), Some(2));
        assert_eq!(m.get("b"), Some(&3));
        assert!(m.contains_key("a") && !m.contains_key("c"));
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"a":1,"b":3}"#);
        let back: Map<String, u8> = serde_json::from_str(r#"{"b":3,"a":1}"#).unwrap();
        assert_eq!(back, m);
        assert_eq!(m.remove("a"), Some(1));
        assert_eq!(m.remove("a"), None);
        assert_eq!(m.keys().collect::<Vec<_>>(), ["b"]);
        assert!(serde_json::from_str::<Map<String, u8>>("[1]").is_err());
    }

    #[test]
    fn set_keeps_members_sorted_and_unique_and_reads_back_its_json() {
        let mut s: Set<String> = ["c", "a", "c"].into_iter().map(String::from).collect();
        assert_eq!(s.len(), 2);
        assert!(s.insert("b".into()));
        assert!(!s.insert("a".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"["a","b","c"]"#);
        assert!(s.remove("b") && !s.remove("b"));
        let back: Set<String> = serde_json::from_str(r#"["c","a"]"#).unwrap();
        assert_eq!(back, s);
        assert!(s.contains("c"));
    }

    #[test]
    fn reading_keys_in_any_order_sorts_them_once_and_the_last_duplicate_wins() {
        let n = MAX_ENTRIES - 1;
        let json = format!(
            "{{{}, \"k00005\": -1}}",
            (0..n)
                .rev()
                .map(|i| format!("\"k{i:05}\": {i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let map: Map<String, i64> = serde_json::from_str(&json).unwrap();
        assert_eq!(map.len(), n);
        assert!(map.keys().zip(map.keys().skip(1)).all(|(a, b)| a < b));
        assert_eq!(map.get("k00005"), Some(&-1));
        assert_eq!(map.get("k09998"), Some(&9998));
        let set: Set<u32> = serde_json::from_str("[3, 1, 3, 2]").unwrap();
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
        let collected: Map<u8, &str> = [(2, "a"), (1, "b"), (2, "c")].into_iter().collect();
        assert_eq!(
            collected.iter().collect::<Vec<_>>(),
            [(&1, &"b"), (&2, &"c")]
        );
    }

    #[test]
    fn more_entries_than_a_bank_can_use_are_refused() {
        let json = format!(
            "{{{}}}",
            (0..=MAX_ENTRIES)
                .map(|i| format!("\"{i}\": 1"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let err = serde_json::from_str::<Map<String, u8>>(&json).unwrap_err();
        assert!(err.to_string().contains("more than 10000 entries"), "{err}");
        let list = format!("[{}]", vec!["1"; MAX_ENTRIES + 1].join(","));
        assert!(serde_json::from_str::<Set<u8>>(&list).is_err());
    }

    #[test]
    fn same_json_as_the_b_tree_collections_it_replaces() {
        let tree: std::collections::BTreeMap<String, i32> =
            [("z".to_owned(), 1), ("m".to_owned(), -2)]
                .into_iter()
                .collect();
        let map: Map<String, i32> = tree.clone().into_iter().collect();
        assert_eq!(
            serde_json::to_string(&map).unwrap(),
            serde_json::to_string(&tree).unwrap()
        );
    }
}
