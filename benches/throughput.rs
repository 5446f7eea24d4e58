//! Throughput over the real news corpus in `../shared/corpus` (29 MB: BBC, Reuters-21578, DUC clusters):
//! MB/s for attribution extraction and for `check`, on one thread and on all threads; and the time to
//! check each DUC cluster as a story set, and all clusters as one set (discrepancies must stay
//! near-linear in the words of a set).
//! Run with `cargo bench`; it prints the figures and asserts nothing.

use newslint::discrepancy::Thresholds;
use newslint::engine::{Fixes, lint};
use newslint::rules::{self, RuleSource};
use newslint::walk::{self, Selection, parallel_map};
use newslint::{Analysis, Document, Lexicon, Pack, SourceFile, analyse, check_file, check_story};
use std::path::PathBuf;
use std::time::Instant;

const RUNS: usize = 3;

fn corpus() -> Option<Vec<SourceFile>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        return None;
    }
    let paths = walk::discover(&[root], &Selection::new(&[]).expect("no globs")).files;
    Some(
        paths
            .iter()
            .filter_map(|p| newslint::input::read_path(p).ok())
            .collect(),
    )
}

/// The best of `RUNS` timings of `work` over every file, in MB/s.
fn megabytes_per_second(files: &[SourceFile], work: impl Fn(&[SourceFile])) -> f64 {
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let best = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            work(files);
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    bytes as f64 / 1e6 / best
}

fn main() {
    let Some(files) = corpus() else {
        println!("throughput: ../shared/corpus not found; nothing to measure");
        return;
    };
    let lexicon = Lexicon::default_lexicon();
    let pack = Pack::default_pack();
    let threads = walk::default_threads();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    println!(
        "corpus: {} files, {:.1} MB; {threads} threads available",
        files.len(),
        bytes as f64 / 1e6
    );
    let attributions = |files: &[SourceFile], threads: usize| {
        parallel_map(files, threads, |f| {
            analyse(f.clone(), lexicon).attributions.len()
        });
    };
    let checks = |files: &[SourceFile], threads: usize| {
        parallel_map(files, threads, |f| {
            check_file(f.clone(), lexicon, pack).1.len()
        });
    };
    for (name, threads) in [("1 thread", 1), ("all threads", threads)] {
        let a = megabytes_per_second(&files, |f| attributions(f, threads));
        let c = megabytes_per_second(&files, |f| checks(f, threads));
        println!("{name:>12}: attributions {a:7.1} MB/s   check {c:7.1} MB/s");
    }
    // The same text as one file: cost must stay linear in a file's size, not only across files.
    let joined: String = files
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let one = [SourceFile::new("corpus.txt", joined)];
    let a = megabytes_per_second(&one, |f| attributions(f, 1));
    let c = megabytes_per_second(&one, |f| checks(f, 1));
    println!(
        "{:>12}: attributions {a:7.1} MB/s   check {c:7.1} MB/s",
        "one file"
    );
    stages(&files, lexicon);
    phrase_scaling(&files, lexicon);
    story_sets(&files, lexicon);
}

/// Where one thread's time goes: each stage of a check over every file, timed apart (the best of
/// `RUNS`), so a change's effect can be put on its stage, and what no change can go under is seen
/// (reading the files and building their copy view is the floor of any check).
fn stages(files: &[SourceFile], lexicon: &Lexicon) {
    let pack = Pack::default_pack();
    let limits = Thresholds::default();
    let best = |work: &dyn Fn()| {
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let read = best(&|| {
        for p in &paths {
            let _ = std::hint::black_box(newslint::input::read_path(p.as_ref()));
        }
    });
    let documents: Vec<Document> = files.iter().map(Document::parse).collect();
    let parse = best(&|| {
        for f in files {
            std::hint::black_box(Document::parse(f));
        }
    });
    let cues = best(&|| {
        for d in &documents {
            std::hint::black_box(lexicon.scan(d.text()).count());
        }
    });
    let grammar = best(&|| {
        for d in &documents {
            std::hint::black_box(newslint::attributions(d, lexicon));
        }
    });
    let phrases = best(&|| {
        for d in &documents {
            std::hint::black_box(pack.matches(d.text()).count());
        }
    });
    drop(documents);
    let analyses: Vec<Analysis> = files.iter().map(|f| analyse(f.clone(), lexicon)).collect();
    let rules = best(&|| {
        for a in &analyses {
            std::hint::black_box(lint(a, pack, Fixes::Reported));
        }
    });
    let discrepancies = best(&|| {
        for a in &analyses {
            std::hint::black_box(newslint::discrepancy::find(&[a], &limits));
        }
    });
    println!("stages, one thread, seconds over the corpus (each file its own story):");
    for (stage, seconds) in [
        ("read the files", read),
        ("document model (copy view, sentences, quotations)", parse),
        ("  of the grammar: the cue lexicon's automaton", cues),
        ("grammar (attributions)", grammar),
        ("  of the rules: the rule pack's automaton", phrases),
        ("code rules and rule pack", rules),
        ("discrepancies", discrepancies),
    ] {
        println!("  {stage:<52} {seconds:6.3}");
    }
}

/// Each DUC cluster (25 articles of one story) checked as a story set, already analysed, on one
/// thread; then all clusters as one set, whose cost per article should stay near that of one cluster.
fn story_sets(files: &[SourceFile], lexicon: &Lexicon) {
    let pack = Pack::default_pack();
    let limits = Thresholds::default();
    let mut clusters: std::collections::BTreeMap<&str, Vec<Analysis>> = Default::default();
    for f in files.iter().filter(|f| f.path.contains("duc-clusters")) {
        let cluster = f.path.rsplit('/').nth(1).unwrap_or_default();
        clusters
            .entry(cluster)
            .or_default()
            .push(analyse(f.clone(), lexicon));
    }
    if clusters.is_empty() {
        return;
    }
    let time = |set: &[&Analysis]| {
        let start = Instant::now();
        check_story(set, pack, &limits);
        start.elapsed().as_secs_f64() * 1e3
    };
    let per_cluster: Vec<f64> = clusters
        .values()
        .map(|c| time(&c.iter().collect::<Vec<_>>()))
        .collect();
    let articles: usize = clusters.values().map(Vec::len).sum();
    let total: f64 = per_cluster.iter().sum();
    let worst = per_cluster.iter().copied().fold(0.0, f64::max);
    println!(
        "story sets: {} DUC clusters, {:.1} ms per cluster (worst {worst:.1} ms), {:.2} ms per article",
        clusters.len(),
        total / clusters.len() as f64,
        total / articles as f64
    );
    let all: Vec<&Analysis> = clusters.values().flatten().collect();
    let one_set = time(&all);
    println!(
        "  all {articles} articles as one set: {one_set:.0} ms, {:.2} ms per article",
        one_set / articles as f64
    );
}

/// Matching cost with the pack's phrases and with ten times as many: one automaton serves every phrase
/// rule, so the cost should barely move.
fn phrase_scaling(files: &[SourceFile], lexicon: &Lexicon) {
    let pack = Pack::default_pack();
    let phrases = pack.phrase_count();
    let extra: String = (0..phrases * 9)
        .map(|i| format!("      - zqx{i} wvk{i}\n"))
        .collect();
    let bench_rule = format!(
        "rules:\n  - code: NL999\n    name: bench-phrases\n    kind: phrase\n    severity: note\n    phrases:\n{extra}    message: m\n    help: h\n    why: w\n"
    );
    let mut sources: Vec<RuleSource> = rules::default_sources();
    sources.push(RuleSource {
        path: "bench.yaml".to_string(),
        text: bench_rule,
    });
    let large = Pack::load(sources).expect("the bench rule file is valid");
    for pack in [pack, &large] {
        let c = megabytes_per_second(files, |f| {
            parallel_map(f, 1, |f| check_file(f.clone(), lexicon, pack).1.len());
        });
        println!(
            "{:>5} phrases: check {c:7.1} MB/s (1 thread)",
            pack.phrase_count()
        );
    }
}
