//! Who a source is: the person named (titles stripped, a bare surname tied to the full name seen
//! earlier), the last named person for `he`/`she`, or the phrase itself for organisations and groups.

use super::name::person_name;
use super::words::{PERSONAL_PRONOUNS, WordSet};
use rustc_hash::FxHashMap as HashMap;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Titles that tell a person's gender (`Mrs. Clinton`, `spokeswoman Jen Psaki`). The `-man` roles do
/// not: copy calls women spokesmen and chairmen too (`Trump spokesman Hope Hicks`).
static MALE_TITLES: WordSet = WordSet::new(&["mr", "mr.", "sir", "lord", "king", "prince"]);
static FEMALE_TITLES: WordSet = WordSet::new(&[
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "lady",
    "dame",
    "congresswoman",
    "chairwoman",
    "spokeswoman",
    "businesswoman",
    "queen",
    "princess",
    "madam",
]);

/// How many people named most recently a `he` or `she` may stand for.
const RECENT_PEOPLE: usize = 4;

#[derive(Default)]
pub struct Speakers {
    /// Full names seen so far, by their last word.
    people: HashMap<String, Vec<String>>,
    /// Genders the copy's titles tell, by full name.
    genders: HashMap<String, Gender>,
    /// The people named most recently, the last one last.
    recent: Vec<String>,
}

impl Speakers {
    /// The speaker for a source phrase, read in document order; `remember` makes a person named here
    /// one a later `he` or `she` may stand for: the most recent whose title does not tell otherwise.
    pub fn resolve(&mut self, source: &str, remember: bool) -> String {
        if PERSONAL_PRONOUNS.contains(source) {
            let gender = if source.eq_ignore_ascii_case("she") {
                Gender::Female
            } else {
                Gender::Male
            };
            return self
                .recent
                .iter()
                .rev()
                .find(|p| self.genders.get(*p).is_none_or(|g| *g == gender))
                .cloned()
                .unwrap_or_else(|| source.to_string());
        }
        let Some(name) = person_name(source) else {
            return source.to_string();
        };
        let full = self.full_name(name);
        if let Some(gender) = gender_of(source, name) {
            self.genders.entry(full.clone()).or_insert(gender);
        }
        if remember {
            self.recent.retain(|p| *p != full);
            self.recent.push(full.clone());
            if self.recent.len() > RECENT_PEOPLE {
                self.recent.remove(0);
            }
        }
        full
    }

    /// `Tillerson` after `Rex Tillerson` is Rex Tillerson; a new name is remembered.
    fn full_name(&mut self, name: &str) -> String {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let known = self.people.get(surname).and_then(|same_surname| {
            same_surname.iter().find(|p| {
                p.as_str() == name
                    || (p.ends_with(name) && p[..p.len() - name.len()].ends_with(' '))
            })
        });
        if let Some(full) = known {
            return full.clone();
        }
        self.people
            .entry(surname.to_string())
            .or_default()
            .push(name.to_string());
        name.to_string()
    }
}

/// The gender the title right before the name tells, if it tells one (`Mrs. Clinton`; not the `Mr.`
/// of `Hope Hicks, Mr. Trump's spokeswoman`).
fn gender_of(source: &str, name: &str) -> Option<Gender> {
    // The name is a part of the source phrase, so where it starts is a difference of addresses.
    let at = (name.as_ptr() as usize)
        .checked_sub(source.as_ptr() as usize)
        .filter(|&at| at + name.len() <= source.len())?;
    let title = source[..at].split_whitespace().next_back()?;
    if MALE_TITLES.contains(title) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(title) {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_pronouns_and_surnames_to_the_named_person() {
        // Seed 000: "According to Secretary of State Rex Tillerson, …", then "Tillerson said", then "he".
        let mut speakers = Speakers::default();
        assert_eq!(
            speakers.resolve("Secretary of State Rex Tillerson", true),
            "Rex Tillerson"
        );
        assert_eq!(speakers.resolve("Tillerson", true), "Rex Tillerson");
        assert_eq!(speakers.resolve("he", true), "Rex Tillerson");
        assert_eq!(
            speakers.resolve("Anonymous U.S. officials", true),
            "Anonymous U.S. officials"
        );
        assert_eq!(speakers.resolve("she", true), "Rex Tillerson");
        assert_eq!(speakers.resolve("Lavrov", true), "Lavrov");
        assert_eq!(speakers.resolve("he", true), "Lavrov");
        // PolNeAR train: `Asked by Matt Lauer whether she had practiced her speech, she …`.
        assert_eq!(speakers.resolve("Matt Lauer", false), "Matt Lauer");
        assert_eq!(speakers.resolve("he", true), "Lavrov");
    }

    #[test]
    fn a_title_that_tells_a_gender_decides_who_he_or_she_is() {
        // PolNeAR train (NYT style): `Mrs. Clinton said …`, then `Mr. Trump said …`, then `she said`.
        let mut speakers = Speakers::default();
        assert_eq!(speakers.resolve("Mrs. Clinton", true), "Clinton");
        assert_eq!(speakers.resolve("Mr. Trump", true), "Trump");
        assert_eq!(speakers.resolve("she", true), "Clinton");
        assert_eq!(speakers.resolve("he", true), "Trump");
        // Only the title right before the name tells.
        assert_eq!(
            speakers.resolve("Hope Hicks, Mr. Trump's spokeswoman", true),
            "Hope Hicks"
        );
        assert_eq!(speakers.resolve("she", true), "Hope Hicks");
        // A name no title genders is still the last one named.
        assert_eq!(speakers.resolve("Lavrov", true), "Lavrov");
        assert_eq!(speakers.resolve("she", true), "Lavrov");
    }
}
