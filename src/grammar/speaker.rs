//! Who a source is: the person named (titles stripped, a bare surname tied to the full name seen
//! earlier), the last named person for `he`/`she`, or the phrase itself for organisations and groups.

use super::source::person_name;
use super::words::PERSONAL_PRONOUNS;
use std::collections::HashMap;

#[derive(Default)]
pub struct Speakers {
    /// Full names seen so far, by their last word.
    people: HashMap<String, Vec<String>>,
    last_person: Option<String>,
}

impl Speakers {
    /// The speaker for a source phrase, read in document order; `remember` makes a person named here
    /// the one a later `he` or `she` stands for.
    pub fn resolve(&mut self, source: &str, remember: bool) -> String {
        if PERSONAL_PRONOUNS.contains(source) {
            return self
                .last_person
                .clone()
                .unwrap_or_else(|| source.to_string());
        }
        let Some(name) = person_name(source) else {
            return source.to_string();
        };
        let full = self.full_name(name);
        if remember {
            self.last_person = Some(full.clone());
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
}
