//! `docs/guide.md` builds this crate file by file: each block it marks
//! with `file=PATH` must be that file, word for word.

use std::path::Path;

/// The blocks of `guide` whose info string names a file: (path, text).
fn file_blocks(guide: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = guide.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let file = info
            .split_whitespace()
            .find_map(|w| w.strip_prefix("file="))
            .map(str::to_owned);
        let mut text = String::new();
        for l in lines.by_ref() {
            if l == "```" {
                break;
            }
            text.push_str(l);
            text.push('\n');
        }
        if let Some(f) = file {
            blocks.push((f, text));
        }
    }
    blocks
}

#[test]
fn the_guide_holds_every_file_of_the_crate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide_path = dir.join("../../docs/guide.md");
    let guide = std::fs::read_to_string(&guide_path).expect("docs/guide.md");
    let blocks = file_blocks(&guide);
    let mut named: Vec<&str> = blocks.iter().map(|(f, _)| f.as_str()).collect();
    named.sort_unstable();
    assert_eq!(
        named,
        [
            "src/lib.rs",
            "src/main.rs",
            "src/schema.rs",
            "src/service.rs"
        ],
        "the files the guide shows"
    );
    for (file, text) in &blocks {
        let actual = std::fs::read_to_string(dir.join(file)).expect("the crate's file");
        if &actual != text {
            let first = actual
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(actual.lines().count().min(text.lines().count()));
            panic!(
                "docs/guide.md's {file} differs from the crate's from line {}:\n guide: {:?}\n crate: {:?}",
                first + 1,
                text.lines().nth(first),
                actual.lines().nth(first)
            );
        }
    }
}
