//! Financial institutions and their branches, and how members find them (SPEC S8, S9).
//!
//! The lists come from the Zengin code data (`public/banks/`, written by `scripts/banks.mjs`)
//! in a compact form: each institution is `[code, name, kana, romaji, settles24x7]` and each
//! branch `[code, name, kana]`. An index is built once from a list: every name, kana and
//! romaji is folded ahead of time by [`kana::search_key`], so a search is one pass of string
//! comparisons over about 1,150 institutions (or a bank's few hundred branches), fast enough to
//! run on every keystroke.
//!
//! A query matches a name (kanji), a kana reading typed in katakana, hiragana or half-width
//! kana, or a romaji reading, and a code by its leading digits. Exact matches come first, then
//! matches at the start, then matches inside, each group in code order, which puts the large
//! banks (the smallest codes) first. The data leaves out words such as 銀行 and writes
//! 信用金庫 as 信金, so a query is read the same way: `城南信用金庫` finds 城南信金, and
//! `みずほ銀行` (or a half-typed `みずほぎん`) finds みずほ when nothing matches it as typed.

use serde::{Deserialize, Serialize};

use crate::kana::{search_key, KanaRow};

/// A financial institution that can receive transfers and repayments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Institution {
    /// The 4-digit Zengin institution code (金融機関コード).
    pub code: String,
    /// The name as the data writes it, without 銀行 (`みずほ`, `城南信金`).
    pub name: String,
    /// The kana reading in full-width katakana, large kana only (`キヨウト` for キョウト).
    pub kana: String,
    /// The romaji reading in lower case, as the data spells it (`mizuho`).
    pub romaji: String,
    /// Whether a transfer arrives within seconds at any hour outside maintenance (SPEC S8); a
    /// demo rule of `scripts/banks.mjs`, since the data does not say.
    pub settles_24x7: bool,
}

/// A branch (支店) of an institution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// The 3-digit branch code (店番).
    pub code: String,
    pub name: String,
    /// The kana reading in full-width katakana, large kana only.
    pub kana: String,
}

/// Why a data file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataError {
    /// The text is not the expected JSON shape; the parser's message says where.
    Malformed(String),
    /// An entry's code does not have the expected number of digits.
    BadCode(String),
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataError::Malformed(message) => write!(f, "malformed data: {message}"),
            DataError::BadCode(code) => write!(f, "bad code {code:?}"),
        }
    }
}

impl std::error::Error for DataError {}

/// The institution code's length.
const INSTITUTION_CODE_DIGITS: usize = 4;
/// The branch code's length.
const BRANCH_CODE_DIGITS: usize = 3;

fn check_code(code: &str, digits: usize) -> Result<(), DataError> {
    if code.len() == digits && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(DataError::BadCode(code.to_owned()))
    }
}

/// One row of a bank data file: `[code, name, kana]` for a branch, and
/// for an institution `[code, name, kana, romaji, settles24x7]`. Both
/// files are read through this one type, so a browser's chunk carries one
/// reader for both.
struct Row {
    code: String,
    name: String,
    kana: String,
    /// The romaji and the 24/7 flag, on an institution's row only.
    more: Option<(String, u8)>,
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Row, D::Error> {
        struct RowVisitor;
        impl<'de> serde::de::Visitor<'de> for RowVisitor {
            type Value = Row;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of 3 strings, or of 4 strings and a number")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Row, A::Error> {
                use serde::de::Error;
                let mut strings = Vec::with_capacity(4);
                while strings.len() < 4 {
                    match seq.next_element::<String>()? {
                        Some(text) => strings.push(text),
                        None => break,
                    }
                }
                let flag = if strings.len() == 4 {
                    Some(
                        seq.next_element::<u8>()?
                            .ok_or_else(|| A::Error::invalid_length(4, &self))?,
                    )
                } else {
                    None
                };
                if strings.len() < 3 || seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(strings.len(), &self));
                }
                let mut strings = strings.into_iter();
                let mut next = || strings.next().unwrap_or_default();
                let (code, name, kana) = (next(), next(), next());
                let more = flag.map(|flag| (next(), flag));
                Ok(Row {
                    code,
                    name,
                    kana,
                    more,
                })
            }
        }
        deserializer.deserialize_seq(RowVisitor)
    }
}

/// The rows of a bank data file, each code checked to have `digits` digits.
fn rows(json: &str, digits: usize) -> Result<Vec<Row>, DataError> {
    let rows: Vec<Row> =
        serde_json::from_str(json).map_err(|e| DataError::Malformed(e.to_string()))?;
    for row in &rows {
        check_code(&row.code, digits)?;
    }
    Ok(rows)
}

/// One entry's folded search keys.
struct Keys {
    code: String,
    /// Name, kana and romaji, folded by [`search_key`]; empty ones are skipped.
    texts: Vec<String>,
}

impl Keys {
    fn new(code: &str, texts: &[&str]) -> Keys {
        Keys {
            code: code.to_owned(),
            texts: texts
                .iter()
                .map(|t| search_key(t))
                .filter(|k| !k.is_empty())
                .collect(),
        }
    }

    /// How well the entry matches a folded query: 0 exactly, 1 at the start of a key, 2 inside
    /// a key, `None` not at all. Codes match only by their leading digits.
    fn rank(&self, query: &str) -> Option<u8> {
        let mut best = None;
        if self.code.starts_with(query) {
            best = Some(if self.code == query { 0 } else { 1 });
        }
        for key in &self.texts {
            let rank = if key == query {
                0
            } else if key.starts_with(query) {
                1
            } else if key.contains(query) {
                2
            } else {
                continue;
            };
            best = Some(best.map_or(rank, |b: u8| b.min(rank)));
        }
        best
    }
}

/// What the data abbreviates, as folded keys: the long form a member types and the data's form.
const ABBREVIATIONS: [(&str, &str); 8] = [
    ("信用金庫", "信金"),
    ("シンヨウキンコ", "シンキン"),
    ("信用組合", "信組"),
    ("シンヨウクミアイ", "シンクミ"),
    ("農業協同組合", "農協"),
    ("ノウギヨウキヨウドウクミアイ", "ノウキヨウ"),
    ("漁業協同組合", "漁協"),
    ("ギヨギヨウキヨウドウクミアイ", "ギヨキヨウ"),
];

/// Words the data leaves out at the end of a name, as folded keys.
const LEFT_OUT: [&str; 3] = ["銀行", "ギンコウ", "ginkou"];

/// The folded query, with the data's abbreviations.
fn folded_query(query: &str) -> String {
    let mut key = search_key(query);
    for (long, short) in ABBREVIATIONS {
        if key.contains(long) {
            key = key.replace(long, short);
        }
    }
    key
}

/// The query without a trailing word the data leaves out, or the start of one (`みずほぎん`
/// while the member is still typing ぎんこう), if anything is left.
fn without_left_out_word(key: &str) -> Option<&str> {
    LEFT_OUT.iter().find_map(|word| {
        word.char_indices()
            .skip(1)
            .map(|(end, _)| &word[..end])
            .chain(std::iter::once(*word))
            .filter_map(|start| key.strip_suffix(start))
            .find(|rest| !rest.is_empty())
    })
}

/// The entries matching `query`, best first, at most `limit`; the query as typed is tried
/// first and, only when nothing matches it, without a trailing word the data leaves out.
fn search<'a, T>(items: &'a [T], keys: &[Keys], query: &str, limit: usize) -> Vec<&'a T> {
    let key = folded_query(query);
    if key.is_empty() {
        return Vec::new();
    }
    let found = ranked(items, keys, &key, limit);
    if !found.is_empty() {
        return found;
    }
    match without_left_out_word(&key) {
        Some(shorter) => ranked(items, keys, shorter, limit),
        None => found,
    }
}

fn ranked<'a, T>(items: &'a [T], keys: &[Keys], key: &str, limit: usize) -> Vec<&'a T> {
    let mut groups: [Vec<usize>; 3] = Default::default();
    for (index, entry) in keys.iter().enumerate() {
        if let Some(rank) = entry.rank(key) {
            groups[usize::from(rank)].push(index);
        }
    }
    groups
        .iter()
        .flatten()
        .filter_map(|&index| items.get(index))
        .take(limit)
        .collect()
}

/// The indexes of `keys` in the order of the keys, equal keys in their
/// order in `keys`. The indexes each list needs put in order go through
/// this one function, an insertion into a sorted list found by binary
/// search: a list of about 1,150 institutions (or a bank's branches) is
/// ordered in well under a millisecond, and the browser's chunk carries a
/// few hundred bytes instead of the standard library's stable sort (about
/// 3.5 KB of wasm).
fn order_of(keys: Vec<String>) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for (index, key) in keys.iter().enumerate() {
        // After every key that is not greater: equal keys keep their order.
        let at = order.partition_point(|&earlier| keys.get(earlier).is_some_and(|k| k <= key));
        order.insert(at, index);
    }
    order
}

/// `items` in the order `order` gives (a permutation of their indexes).
fn reorder<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&index| slots.get_mut(index).and_then(Option::take))
        .collect()
}

/// Every institution, in code order, ready to search.
pub struct InstitutionIndex {
    institutions: Vec<Institution>,
    keys: Vec<Keys>,
    /// Each institution's kana row, from the first character of its kana.
    rows: Vec<Option<KanaRow>>,
    /// Indexes into `institutions` in kana order, for listing a row.
    by_kana: Vec<usize>,
}

impl InstitutionIndex {
    /// Builds the index; the list is put in code order.
    pub fn new(institutions: Vec<Institution>) -> InstitutionIndex {
        let codes = institutions.iter().map(|i| i.code.clone()).collect();
        let institutions = reorder(institutions, &order_of(codes));
        let keys: Vec<Keys> = institutions
            .iter()
            .map(|i| Keys::new(&i.code, &[&i.name, &i.kana, &i.romaji]))
            .collect();
        let rows = institutions
            .iter()
            .map(|i| i.kana.chars().next().and_then(KanaRow::of))
            .collect();
        let by_kana = order_of(institutions.iter().map(|i| search_key(&i.kana)).collect());
        InstitutionIndex {
            institutions,
            keys,
            rows,
            by_kana,
        }
    }

    /// Reads `institutions.json`: an array of `[code, name, kana, romaji, settles24x7]`, the
    /// code four digits and the flag 0 or 1.
    pub fn from_json(json: &str) -> Result<InstitutionIndex, DataError> {
        let institutions = rows(json, INSTITUTION_CODE_DIGITS)?
            .into_iter()
            .map(|row| {
                let Some((romaji, flag)) = row.more else {
                    return Err(DataError::Malformed(format!(
                        "{} has no romaji and 24/7 flag",
                        row.code
                    )));
                };
                let settles_24x7 = match flag {
                    0 => false,
                    1 => true,
                    other => {
                        return Err(DataError::Malformed(format!(
                            "settles24x7 of {} is {other}, not 0 or 1",
                            row.code
                        )))
                    }
                };
                Ok(Institution {
                    code: row.code,
                    name: row.name,
                    kana: row.kana,
                    romaji,
                    settles_24x7,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(InstitutionIndex::new(institutions))
    }

    /// The institutions matching `query` (name, kana, romaji or leading code digits), best
    /// first, at most `limit`; nothing for a query that is empty once folded.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Institution> {
        search(&self.institutions, &self.keys, query, limit)
    }

    /// What a picker lists for a query and a chosen kana row, all of it (the picker shows the
    /// first few and counts the rest): the search results, kept to the row if one is chosen; or,
    /// with an empty query, the row in kana order; or nothing if neither is given.
    pub fn find(&self, query: &str, row: Option<KanaRow>) -> Vec<&Institution> {
        let in_row = |i: &&Institution| {
            row.is_none_or(|row| i.kana.chars().next().and_then(KanaRow::of) == Some(row))
        };
        if search_key(query).is_empty() {
            row.map(|row| self.by_row(row)).unwrap_or_default()
        } else {
            let mut found = self.search(query, usize::MAX);
            found.retain(in_row);
            found
        }
    }

    /// The institutions whose kana starts in `row`, in kana order.
    pub fn by_row(&self, row: KanaRow) -> Vec<&Institution> {
        self.by_kana
            .iter()
            .filter(|&&index| self.rows.get(index).copied().flatten() == Some(row))
            .filter_map(|&index| self.institutions.get(index))
            .collect()
    }

    /// The institution with this code.
    pub fn get(&self, code: &str) -> Option<&Institution> {
        self.institutions
            .binary_search_by(|i| i.code.as_str().cmp(code))
            .ok()
            .and_then(|index| self.institutions.get(index))
    }

    /// Every institution, in code order.
    pub fn all(&self) -> &[Institution] {
        &self.institutions
    }

    pub fn len(&self) -> usize {
        self.institutions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.institutions.is_empty()
    }
}

/// One institution's branches, in code order, ready to search.
pub struct BranchIndex {
    branches: Vec<Branch>,
    keys: Vec<Keys>,
}

impl BranchIndex {
    /// Builds the index; the list is put in code order.
    pub fn new(branches: Vec<Branch>) -> BranchIndex {
        let codes = branches.iter().map(|b| b.code.clone()).collect();
        let branches = reorder(branches, &order_of(codes));
        let keys = branches
            .iter()
            .map(|b| Keys::new(&b.code, &[&b.name, &b.kana]))
            .collect();
        BranchIndex { branches, keys }
    }

    /// Reads `branches/<code>.json`: an array of `[code, name, kana]`, the code three digits.
    pub fn from_json(json: &str) -> Result<BranchIndex, DataError> {
        let branches = rows(json, BRANCH_CODE_DIGITS)?
            .into_iter()
            .map(|row| match row.more {
                None => Ok(Branch {
                    code: row.code,
                    name: row.name,
                    kana: row.kana,
                }),
                Some(_) => Err(DataError::Malformed(format!(
                    "branch {} has more than 3 fields",
                    row.code
                ))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(BranchIndex::new(branches))
    }

    /// The branches matching `query` (name, kana, or leading code digits, so `001` finds the
    /// branch numbered 001), best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Branch> {
        search(&self.branches, &self.keys, query, limit)
    }

    /// What a picker lists for a query, all of it: the search results, or every branch in code
    /// order while the query is empty (many institutions have only a few).
    pub fn find(&self, query: &str) -> Vec<&Branch> {
        if search_key(query).is_empty() {
            self.branches.iter().collect()
        } else {
            self.search(query, usize::MAX)
        }
    }

    /// The branch with this code.
    pub fn get(&self, code: &str) -> Option<&Branch> {
        self.branches
            .binary_search_by(|b| b.code.as_str().cmp(code))
            .ok()
            .and_then(|index| self.branches.get(index))
    }

    /// Every branch, in code order.
    pub fn all(&self) -> &[Branch] {
        &self.branches
    }

    pub fn len(&self) -> usize {
        self.branches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.branches.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A few real entries of the data, enough to exercise every kind of match.
    const FIXTURE: &str = r#"[
["0001","みずほ","ミズホ","mizuho",1],
["0005","三菱UFJ","ミツビシユーエフジエイ","mitsubishiyu-efujiei",1],
["0009","三井住友","ミツイスミトモ","mitsuisumitomo",1],
["0033","PayPay","ペイペイ","peipei",1],
["0035","ソニー","ソニー","soni-",1],
["0036","楽天","ラクテン","rakuten",1],
["0039","auじぶん","エーユージブン","e-yu-jibun",1],
["0289","みずほ信託","ミズホシンタク","mizuhoshintaku",1],
["0421","クレディ・アグリコル","クレデイ.アグリコル","kuredei.agurikoru",0],
["0158","京都","キヨウト","kiyouto",1],
["1344","城南信金","ジヨウナンシンキン","jiyounanshinkin",0],
["2011","東京都職員信組","トウキヨウトシヨクインシンクミ","toukiyoutoshiyokuinshinkumi",0],
["3038","岐阜県信連","ギフケンシンレン","gifukenshinren",0],
["9900","ゆうちょ","ユウチヨ","yuuchiyo",1]
]"#;

    fn index() -> InstitutionIndex {
        InstitutionIndex::from_json(FIXTURE).expect("the fixture is valid")
    }

    fn codes(found: &[&Institution]) -> Vec<String> {
        found.iter().map(|i| i.code.clone()).collect()
    }

    fn check(cases: &[(&str, &[&str])]) {
        let index = index();
        for &(query, expected) in cases {
            assert_eq!(codes(&index.search(query, 30)), expected, "{query:?}");
        }
    }

    #[test]
    fn finds_by_name() {
        check(&[
            ("みずほ", &["0001", "0289"]),
            ("三井住友", &["0009"]),
            ("住友", &["0009"]),
            ("三菱ＵＦＪ", &["0005"]),
            ("ufj", &["0005"]),
            ("信託", &["0289"]),
            ("ゆうちょ", &["9900"]),
        ]);
    }

    #[test]
    fn finds_by_kana_in_any_script() {
        check(&[
            ("ミズホ", &["0001", "0289"]),
            ("ﾐｽﾞﾎ", &["0001", "0289"]),
            ("みつい", &["0009"]),
            ("ﾗｸﾃﾝ", &["0036"]),
            ("きょうと", &["0158", "2011"]),
            ("そにー", &["0035"]),
            ("ｿﾆｰ", &["0035"]),
            ("ぺいぺい", &["0033"]),
            ("じぶん", &["0039"]),
            ("くれでぃ", &["0421"]),
            ("クレディアグリコル", &["0421"]),
            ("ゆうちょ", &["9900"]),
        ]);
    }

    #[test]
    fn finds_by_romaji_ignoring_case_and_by_code() {
        check(&[
            ("mizuho", &["0001", "0289"]),
            ("MIZUHO", &["0001", "0289"]),
            ("Rakuten", &["0036"]),
            ("ｒａｋｕｔｅｎ", &["0036"]),
            ("paypay", &["0033"]),
            ("sumitomo", &["0009"]),
            ("0005", &["0005"]),
            ("000", &["0001", "0005", "0009"]),
            ("mufg", &[]),
        ]);
    }

    #[test]
    fn exact_then_prefix_then_substring_matches() {
        check(&[
            // ミズホ exactly, then ミズホシンタク starting with it.
            ("ミズホ", &["0001", "0289"]),
            // ジ starts ジヨウナンシンキン and is inside ミツビシユーエフジエイ and エーユージブン,
            // whose codes are smaller.
            ("じ", &["1344", "0005", "0039"]),
            // シン starts nothing, and is inside three keys, in code order.
            ("シン", &["0289", "1344", "2011", "3038"]),
        ]);
    }

    #[test]
    fn reads_the_words_the_data_leaves_out() {
        check(&[
            ("みずほ銀行", &["0001", "0289"]),
            ("みずほぎんこう", &["0001", "0289"]),
            ("みずほぎ", &["0001", "0289"]),
            ("ミズホ銀", &["0001", "0289"]),
            ("mizuhoginkou", &["0001", "0289"]),
            ("城南信用金庫", &["1344"]),
            ("じょうなんしんようきんこ", &["1344"]),
            ("東京都職員信用組合", &["2011"]),
            ("銀行", &[]),
            ("ぎんこう", &[]),
        ]);
    }

    #[test]
    fn empty_and_unmatched_queries_find_nothing() {
        check(&[
            ("", &[]),
            ("   ", &[]),
            ("\u{3000}", &[]),
            ("・", &[]),
            ("xyz", &[]),
            ("大阪", &[]),
        ]);
    }

    #[test]
    fn the_limit_is_respected() {
        let index = index();
        assert_eq!(codes(&index.search("シン", 2)), ["0289", "1344"]);
        assert!(index.search("みずほ", 0).is_empty());
    }

    #[test]
    fn rows_list_institutions_in_kana_order() {
        let index = index();
        let row = |r| codes(&index.by_row(r));
        // キヨウト before ギフケンシンレン: voiced kana sort right after their unvoiced form.
        assert_eq!(row(KanaRow::Ka), ["0158", "3038", "0421"]);
        assert_eq!(row(KanaRow::Ma), ["0001", "0289", "0009", "0005"]);
        assert_eq!(row(KanaRow::A), ["0039"]);
        assert_eq!(row(KanaRow::Sa), ["1344", "0035"]);
        assert_eq!(row(KanaRow::Ha), ["0033"]);
        assert_eq!(row(KanaRow::Ya), ["9900"]);
        assert_eq!(row(KanaRow::Wa), Vec::<String>::new());
        let listed: usize = KanaRow::ALL.iter().map(|&r| index.by_row(r).len()).sum();
        assert_eq!(listed, index.len());
    }

    #[test]
    fn a_picker_finds_by_query_row_or_both() {
        let index = index();
        let find = |q: &str, row| codes(&index.find(q, row));
        assert_eq!(find("", None), Vec::<String>::new());
        assert_eq!(find(" ", None), Vec::<String>::new());
        assert_eq!(find("", Some(KanaRow::Ka)), ["0158", "3038", "0421"]);
        assert_eq!(find("シン", None), ["0289", "1344", "2011", "3038"]);
        assert_eq!(find("シン", Some(KanaRow::Ka)), ["3038"]);
        assert_eq!(find("シン", Some(KanaRow::Ma)), ["0289"]);
        assert_eq!(find("シン", Some(KanaRow::Wa)), Vec::<String>::new());
        assert_eq!(find("みずほ銀行", Some(KanaRow::Ma)), ["0001", "0289"]);
    }

    #[test]
    fn looks_up_by_code() {
        let index = index();
        assert_eq!(index.get("0009").map(|i| i.name.as_str()), Some("三井住友"));
        assert_eq!(index.get("0421").map(|i| i.settles_24x7), Some(false));
        assert_eq!(index.get("0002"), None);
        assert_eq!(index.all().first().map(|i| i.code.as_str()), Some("0001"));
    }

    #[test]
    fn refuses_malformed_data() {
        let bad = [
            ("", "Malformed"),
            ("{}", "Malformed"),
            (r#"[["0001","みずほ","ミズホ","mizuho"]]"#, "Malformed"),
            (r#"[["0001","みずほ","ミズホ","mizuho",2]]"#, "Malformed"),
            (r#"[["0001","みずほ","ミズホ","mizuho",true]]"#, "Malformed"),
            (
                r#"[["0001","みずほ","ミズホ","mizuho",1,"x"]]"#,
                "Malformed",
            ),
            (r#"[["0001","みずほ","ミズホ"]]"#, "Malformed"),
            (r#"[["0001","みずほ",1,"mizuho",1]]"#, "Malformed"),
            (r#"[["0001","みずほ"]]"#, "Malformed"),
            (r#"[["1","みずほ","ミズホ","mizuho",1]]"#, "BadCode"),
            (r#"[["00a1","みずほ","ミズホ","mizuho",1]]"#, "BadCode"),
        ];
        for (json, kind) in bad {
            let error = InstitutionIndex::from_json(json).err();
            let got = match error {
                Some(DataError::Malformed(_)) => "Malformed",
                Some(DataError::BadCode(_)) => "BadCode",
                None => "Ok",
            };
            assert_eq!(got, kind, "{json:?}");
        }
        assert!(InstitutionIndex::from_json("[]").is_ok_and(|i| i.is_empty()));
        assert!(matches!(
            BranchIndex::from_json(r#"[["01","東京","トウキヨウ"]]"#),
            Err(DataError::BadCode(_))
        ));
        for branches in [
            r#"[["001","東京","トウキヨウ","toukiyou",1]]"#,
            r#"[["001","東京","トウキヨウ","toukiyou"]]"#,
            r#"[["001","東京"]]"#,
            r#"[["001","東京","トウキヨウ",3]]"#,
        ] {
            assert!(
                matches!(
                    BranchIndex::from_json(branches),
                    Err(DataError::Malformed(_))
                ),
                "{branches}"
            );
        }
    }

    #[test]
    fn finds_branches_by_name_kana_and_code() {
        let branches = BranchIndex::from_json(
            r#"[
["001","東京営業部","トウキヨウ"],
["004","丸の内中央","マルノウチチユウオウ"],
["005","丸之内","マルノウチ"],
["110","京都中央","キヨウトチユウオウ"],
["015","築地","ツキヂ"]
]"#,
        )
        .expect("valid branches");
        let found = |q: &str| -> Vec<String> {
            branches
                .search(q, 30)
                .iter()
                .map(|b| b.code.clone())
                .collect()
        };
        assert_eq!(found("丸"), ["004", "005"]);
        assert_eq!(found("まるのうち"), ["005", "004"]);
        assert_eq!(found("ﾄｳｷｮｳ"), ["001"]);
        assert_eq!(found("001"), ["001"]);
        assert_eq!(found("00"), ["001", "004", "005"]);
        assert_eq!(found("1"), ["110"]);
        assert_eq!(found("きょう"), ["110", "001"]);
        assert_eq!(found("つきぢ"), ["015"]);
        assert_eq!(found(""), Vec::<String>::new());
        let listed: Vec<_> = branches.find("").iter().map(|b| b.code.clone()).collect();
        assert_eq!(listed, ["001", "004", "005", "015", "110"]);
        let found_by_picker: Vec<_> = branches.find("丸").iter().map(|b| b.code.clone()).collect();
        assert_eq!(found_by_picker, ["004", "005"]);
        assert_eq!(branches.get("015").map(|b| b.name.as_str()), Some("築地"));
        assert_eq!(branches.all().len(), 5);
    }

    proptest! {
        #[test]
        fn reordering_sorts_by_key_and_keeps_every_item_once(keys in proptest::collection::vec("[0-9]{0,2}", 0..30)) {
            let order = order_of(keys.clone());
            // The order a stable sort gives: equal keys in their first order.
            let mut stable: Vec<usize> = (0..keys.len()).collect();
            stable.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
            prop_assert_eq!(&order, &stable);
            let sorted = reorder(keys.clone(), &order);
            let mut expected = keys;
            expected.sort();
            prop_assert_eq!(sorted, expected);
        }

        #[test]
        fn searches_never_panic_and_stay_within_the_limit(query in any::<String>(), limit in 0usize..20) {
            let index = index();
            let found = index.search(&query, limit);
            prop_assert!(found.len() <= limit);
        }

        #[test]
        fn every_institution_is_found_by_its_own_name_kana_romaji_and_code(pick in 0usize..14) {
            let index = index();
            let institution = &index.all()[pick];
            for query in [&institution.name, &institution.kana, &institution.romaji, &institution.code] {
                let found = index.search(query, usize::MAX);
                prop_assert!(found.iter().any(|i| i.code == institution.code), "{:?}", query);
            }
        }

        #[test]
        fn a_longer_key_only_narrows(query in "[ぁ-ゖァ-ヺa-z0-9]{1,6}", extra in "[ぁ-ゖァ-ヺa-z0-9]") {
            // On folded keys, before the fallback that reads 銀行 off a query matching nothing.
            let index = index();
            let key = search_key(&query);
            let longer = search_key(&format!("{query}{extra}"));
            let wide = ranked(&index.institutions, &index.keys, &key, usize::MAX);
            let narrow = ranked(&index.institutions, &index.keys, &longer, usize::MAX);
            for found in narrow {
                prop_assert!(wide.iter().any(|i| i.code == found.code), "{:?} then {:?}", key, longer);
            }
        }
    }
}
