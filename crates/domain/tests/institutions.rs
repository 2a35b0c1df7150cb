//! Checks the shipped institution and branch data (`public/banks/`, written by
//! `scripts/banks.mjs` from the npm package zengin-code) against the search that reads it.

use std::path::PathBuf;

use portal_domain::institution::{BranchIndex, InstitutionIndex};
use portal_domain::kana::KanaRow;

/// `public/banks/` of the repository.
fn banks_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/banks")
}

fn read(file: &str) -> String {
    let path = banks_dir().join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn institutions() -> InstitutionIndex {
    InstitutionIndex::from_json(&read("institutions.json"))
        .unwrap_or_else(|e| panic!("institutions.json: {e}"))
}

#[test]
fn the_list_holds_every_institution_with_a_kana_row() {
    let index = institutions();
    assert!(index.len() > 1_000, "only {} institutions", index.len());
    let without_row: Vec<_> = index
        .all()
        .iter()
        .filter(|i| i.kana.chars().next().and_then(KanaRow::of).is_none())
        .map(|i| &i.code)
        .collect();
    assert!(without_row.is_empty(), "no kana row: {without_row:?}");
    let listed: usize = KanaRow::ALL.iter().map(|&r| index.by_row(r).len()).sum();
    assert_eq!(listed, index.len());
}

#[test]
fn well_known_institutions_are_found_first() {
    let index = institutions();
    let cases = [
        ("みずほ", "0001"),
        ("ミズホ", "0001"),
        ("ﾐｽﾞﾎ", "0001"),
        ("mizuho", "0001"),
        ("みずほ銀行", "0001"),
        ("三菱ＵＦＪ", "0005"),
        ("UFJ", "0005"),
        ("三井住友", "0009"),
        ("みついすみとも", "0009"),
        ("りそな", "0010"),
        ("ソニー", "0035"),
        ("らくてん", "0036"),
        ("Rakuten", "0036"),
        ("横浜", "0138"),
        ("きょうと", "0158"),
        ("城南信用金庫", "1344"),
        ("ゆうちょ銀行", "9900"),
        ("9900", "9900"),
    ];
    for (query, code) in cases {
        let found = index.search(query, 30);
        assert_eq!(
            found.first().map(|i| i.code.as_str()),
            Some(code),
            "{query:?}"
        );
    }
    assert!(index.search("", 30).is_empty());
    assert_eq!(index.search("しんきん", 30).len(), 30);
}

#[test]
fn rows_hold_the_institutions_starting_in_them() {
    let index = institutions();
    let ka = index.by_row(KanaRow::Ka);
    assert!(ka.iter().any(|i| i.kana.starts_with('カ')));
    assert!(ka.iter().any(|i| i.kana.starts_with('ガ')));
    assert!(ka.iter().any(|i| i.code == "0158"), "京都 is in か行");
    let ha = index.by_row(KanaRow::Ha);
    assert!(
        ha.iter().any(|i| i.code == "0033"),
        "PayPay (ペイペイ) is in は行"
    );
    assert!(index.by_row(KanaRow::Ya).iter().any(|i| i.code == "9900"));
}

#[test]
fn the_demo_rule_for_24_7_settlement() {
    let index = institutions();
    let settles = |code: &str| index.get(code).map(|i| i.settles_24x7);
    assert_eq!(settles("0001"), Some(true));
    assert_eq!(settles("0036"), Some(true));
    assert_eq!(settles("9900"), Some(true));
    assert_eq!(
        settles("0401"),
        Some(false),
        "a foreign bank's branch in Japan"
    );
    assert_eq!(settles("1344"), Some(false), "a shinkin bank");
}

#[test]
fn every_institution_has_a_readable_branch_file() {
    let index = institutions();
    let mut branches = 0;
    for institution in index.all() {
        let file = format!("branches/{}.json", institution.code);
        let list = BranchIndex::from_json(&read(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        branches += list.len();
    }
    assert!(branches > 20_000, "only {branches} branches");
    let mizuho = BranchIndex::from_json(&read("branches/0001.json")).expect("みずほ's branches");
    let found = mizuho.search("とうきょう", 5);
    assert_eq!(found.first().map(|b| b.code.as_str()), Some("001"));
    assert_eq!(
        mizuho.search("001", 5).first().map(|b| b.name.as_str()),
        Some("東京営業部")
    );
}

/// The data's around-the-clock flag is the rule the lender applies when it
/// says when a transfer arrives (`movement::settles_24x7`), for every bank.
#[test]
fn the_data_and_the_lender_agree_on_banks_that_settle_around_the_clock() {
    let index = institutions();
    let disagree: Vec<_> = index
        .all()
        .iter()
        .filter(|i| i.settles_24x7 != portal_domain::movement::settles_24x7(&i.code))
        .map(|i| &i.code)
        .collect();
    assert!(disagree.is_empty(), "{disagree:?}");
    assert!(index.all().iter().any(|i| i.settles_24x7));
    assert!(index.all().iter().any(|i| !i.settles_24x7));
}
