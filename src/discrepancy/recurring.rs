//! Which of many items may occur more than once, in two bits for each bucket of their hashes: one set
//! by the first item in the bucket and one by the second. Most shingles of a story's quotations, and
//! most pairs of quotations that share one, occur once; an index of only the others is a fraction of
//! the size. An item that shares its bucket with another is passed as if it recurred: the bits decide
//! how large the index is, never what it finds.

use std::hash::{BuildHasher, Hash};

pub(super) struct Recurring {
    seen: Vec<u64>,
    seen_twice: Vec<u64>,
    /// Bits of a hash that pick its bucket.
    bits: u32,
}

impl Recurring {
    /// Buckets for each item: about one in sixteen items seen once shares a bucket.
    const BUCKETS_PER_ITEM: usize = 16;
    /// At most 2^25 buckets (4 MB a set of bits), however many items there are.
    const MOST_BITS: u32 = 25;

    /// Room for `count` items.
    pub(super) fn new(count: usize) -> Recurring {
        let bits = count
            .saturating_mul(Self::BUCKETS_PER_ITEM)
            .checked_next_power_of_two()
            .map_or(Self::MOST_BITS, usize::trailing_zeros)
            .clamp(6, Self::MOST_BITS);
        let words = (1usize << bits) / 64;
        Recurring {
            seen: vec![0; words],
            seen_twice: vec![0; words],
            bits,
        }
    }

    /// Notes one occurrence of `item`.
    pub(super) fn note(&mut self, item: &impl Hash) {
        let (word, bit) = self.bucket(item);
        if self.seen[word] & bit != 0 {
            self.seen_twice[word] |= bit;
        }
        self.seen[word] |= bit;
    }

    /// Whether `item` may have been noted twice.
    pub(super) fn may_recur(&self, item: &impl Hash) -> bool {
        let (word, bit) = self.bucket(item);
        self.seen_twice[word] & bit != 0
    }

    /// The word of the sets and the bit in it for `item`, from the top bits of its hash (the best
    /// mixed).
    fn bucket(&self, item: &impl Hash) -> (usize, u64) {
        let hash = rustc_hash::FxBuildHasher.hash_one(item);
        let bucket = (hash >> (64 - self.bits)) as usize;
        (bucket / 64, 1 << (bucket % 64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_noted_twice_recurs_and_most_noted_once_do_not() {
        let mut recurring = Recurring::new(1000);
        for i in 0..1000u32 {
            recurring.note(&[i, i + 1, i + 2]);
        }
        for i in (0..1000u32).step_by(10) {
            recurring.note(&[i, i + 1, i + 2]);
        }
        for i in (0..1000u32).step_by(10) {
            assert!(recurring.may_recur(&[i, i + 1, i + 2]));
        }
        let once = (0..1000u32)
            .filter(|i| i % 10 != 0 && recurring.may_recur(&[*i, i + 1, i + 2]))
            .count();
        assert!(once < 100, "{once} of 900 seen once pass as recurring");
    }
}
