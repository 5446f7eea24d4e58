//! Front matter headlines: `title:`, `headline:` and `description:` in a Markdown draft's front
//! matter are copy, linted as headlines and compared across a story set, with every diagnostic
//! pointing into the front matter; the other keys are not copy.

mod common;
use common::{assert_snapshot, newslint, stdout};

#[test]
fn a_front_matter_title_is_linted_where_it_stands() {
    // BBC business-102's headline as the draft's `title:`, its paragraph as the body.
    let out = newslint(&["check", "--format", "short", "front-matter/bribery.md"]);
    assert!(
        stdout(&out).starts_with("front-matter/bribery.md:2:19: note[NL011]: `admits` judges"),
        "{}",
        stdout(&out)
    );
    assert!(
        !stdout(&out).contains("BBC News"),
        "other keys are not copy"
    );
}

#[test]
fn a_front_matter_standfirst_is_compared_across_a_story_set() {
    // Xinhua's first sentence as the `description:` of one draft; AP's report of the same bombing.
    let out = newslint(&[
        "check",
        "--color",
        "never",
        "--story",
        "figures/embassy/apw-1998-08-29.txt",
        "front-matter/nairobi.md",
    ]);
    let human = stdout(&out);
    assert!(
        human.contains("`253 people` here but `247 people` elsewhere"),
        "{human}"
    );
    assert_snapshot("front-matter-story-set", &human);
}

#[test]
fn the_config_names_the_front_matter_keys_that_are_headlines() {
    // BBC business-102's headline under the CMS's own key `hed`; `title:` holds a slug.
    let dir = common::fixtures().join("front-matter/hed");
    let out = common::newslint_in(&dir, &["check", "--format", "short", "bribery.md"], None);
    let short = stdout(&out);
    assert!(
        short.starts_with("bribery.md:3:17: note[NL011]: `admits` judges"),
        "{short}"
    );
    assert!(
        !short.contains(":2:"),
        "the slug under title: is not copy: {short}"
    );
    let dump = common::newslint_in(&dir, &["config", "--dump"], None);
    assert!(
        stdout(&dump).contains("headline-keys:\n- hed\n- dek"),
        "{}",
        stdout(&dump)
    );
}
