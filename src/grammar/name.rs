//! Names: the person a source phrase names (`Secretary of State Rex Tillerson` → `Rex Tillerson`),
//! without titles, offices or where they are from; organisations, groups and descriptions name none.

use super::amount::opens_with_quantity;
use super::words::{ORGANISATION_WORDS, PRONOUNS, TITLE_WORDS, WordSet, is_capitalised, is_in};

static HEAD_ENDING_PREPOSITIONS: WordSet =
    WordSet::new(&["in", "at", "for", "with", "from", "on", "close", "within"]);

/// The person named in a source phrase (`Secretary of State Rex Tillerson` → `Rex Tillerson`), if the
/// phrase names one; organisations, groups and descriptions name none.
pub fn person_name(source: &str) -> Option<&str> {
    let mut parts = source.split(',');
    let head = parts.next().unwrap_or(source);
    // `BBC News' Moscow correspondent, Steve Rosenberg`: a description, then the name.
    name_in(head).or_else(|| parts.next_back().and_then(name_in))
}

fn name_in(head: &str) -> Option<&str> {
    let head = head.trim();
    let mut words: Vec<&str> = head.split_whitespace().collect();
    if words.iter().any(|&w| is_in(&["and", "&", "nor"], w)) {
        return None; // `Trump and Putin`, `Neither Cruz nor Christie`: more than one speaker
    }
    // `officials in Moscow`, `Seven of 10 Republicans in Tennessee`: the head comes before the attachment.
    let head = match words
        .iter()
        .position(|w| HEAD_ENDING_PREPOSITIONS.contains(w))
    {
        Some(i) => {
            let attachment = words[i].as_ptr() as usize - head.as_ptr() as usize;
            words.truncate(i);
            head[..attachment].trim_end()
        }
        None => head,
    };
    if opens_with_quantity(head) {
        return None; // `Four in 10 voters`
    }
    // `Senator John McCain of Arizona`: `of` after a name (not a title) starts where the person is from.
    if let Some(of) =
        (1..words.len()).find(|&i| words[i] == "of" && !TITLE_WORDS.contains(words[i - 1]))
    {
        words.truncate(of);
    }
    let last = *words.last()?;
    if !is_capitalised(last) || PRONOUNS.contains(last) {
        return None;
    }
    let run_start = words
        .iter()
        .rposition(|w| !is_capitalised(w) && *w != "of")
        .map_or(0, |i| i + 1);
    let run = &words[run_start..];
    if run.first().is_some_and(|w| *w == "The") {
        return None;
    }
    let name_start = run
        .iter()
        .rposition(|w| TITLE_WORDS.contains(w))
        .map_or(0, |i| i + 1);
    // `House Speaker Newt Gingrich`: an organisation in the title is the office, not the speaker.
    // `the U.S. Court of Appeals`, `Chief of Staff Howard Baker`: the word after `of` completes the
    // office's name; a person's name after it has two words at least.
    let name = match name_start.checked_sub(1).map(|i| run[i]) {
        Some("of") if run.len() - name_start >= 3 => &run[name_start + 1..],
        Some("of") => return None,
        _ => &run[name_start..],
    };
    if name.is_empty()
        || name
            .iter()
            .any(|w| ORGANISATION_WORDS.contains(w) || w.ends_with("’s") || w.ends_with("'s"))
    {
        return None;
    }
    let start = name[0].as_ptr() as usize - head.as_ptr() as usize;
    let end = last.as_ptr() as usize - head.as_ptr() as usize + last.len();
    Some(&head[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_person_without_titles() {
        assert_eq!(
            person_name("Secretary of State Rex Tillerson"),
            Some("Rex Tillerson")
        );
        assert_eq!(
            person_name("Russian Foreign Minister Sergey Lavrov"),
            Some("Sergey Lavrov")
        );
        assert_eq!(
            person_name("Trump’s spokesman Sean Spicer"),
            Some("Sean Spicer")
        );
        assert_eq!(person_name("Lavrov, who also attended"), Some("Lavrov"));
        assert_eq!(person_name("the White House"), None);
        // PolNeAR train and Reuters-21578: a court's name ends in a capitalised word that is no
        // one's name; after an office's name, a person's.
        assert_eq!(
            person_name("the U.S. Court of Appeals for the 6th Circuit"),
            None
        );
        assert_eq!(
            person_name("Chief of Staff Howard Baker"),
            Some("Howard Baker")
        );
        assert_eq!(person_name("U.S. officials"), None);
        assert_eq!(person_name("Russia’s foreign minister"), None);
        assert_eq!(person_name("he"), None);
        assert_eq!(person_name("Trump and Putin"), None);
        assert_eq!(person_name("officials in Moscow"), None);
        // PolNeAR train (Politico): a title naming an institution.
        assert_eq!(
            person_name("Former House Speaker Newt Gingrich"),
            Some("Newt Gingrich")
        );
        assert_eq!(person_name("Fox News"), None);
        // PolNeAR train (New York Times).
        assert_eq!(
            person_name("Senator John McCain of Arizona"),
            Some("John McCain")
        );
        // Seed 004.
        assert_eq!(
            person_name("BBC News' Moscow correspondent, Steve Rosenberg"),
            Some("Steve Rosenberg")
        );
    }
}
