//! Browser tests of `/history` for a member with a long history (SPEC S7):
//! the lender sends one page of 50 rows at a time and the pager walks
//! through them. No demo member has more than 50 entries in a period, so
//! these tests give the 10-digit card member 1,000 entries over a year
//! (`fake_lender::busy_ledger`) and mount the page in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos::task::tick;
use support::{choose, lender_with, mount_history, signed_in, text_of, until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// How many entries the status line says match: 「…：253件中 1～50件を表示」.
fn total_of(root: &HtmlElement) -> u32 {
    let status = text_of(root, ".showing");
    status
        .split('：')
        .nth(1)
        .and_then(|s| s.split('件').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no total in {status:?}"))
}

fn rows(root: &HtmlElement) -> u32 {
    root.query_selector_all("table.history tbody tr")
        .map(|l| l.length())
        .unwrap_or(0)
}

/// The pager button with this text.
fn button(root: &HtmlElement, label: &str) -> web_sys::HtmlButtonElement {
    let all = root.query_selector_all("nav.pager button").expect("pager");
    (0..all.length())
        .filter_map(|i| all.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no {label} button"))
}

/// Yields to the page until the status line contains `expected`.
async fn until_status(root: &HtmlElement, expected: &str) {
    until(expected, || text_of(root, ".showing").contains(expected)).await;
}

/// The text of each row's second cell (its type).
fn kinds(root: &HtmlElement) -> Vec<String> {
    let cells = root
        .query_selector_all("table.history tbody tr td:nth-child(2)")
        .expect("cells");
    (0..cells.length())
        .filter_map(|i| cells.item(i).and_then(|n| n.text_content()))
        .collect()
}

/// Signs the card member in with a 1,000-entry ledger and mounts `/history`.
async fn mount_long_history() -> (HtmlElement, Box<dyn std::any::Any>) {
    let (backend, member) = signed_in(&lender_with(1_000)).await;
    mount_history(backend, member)
}

#[wasm_bindgen_test]
async fn a_long_history_comes_fifty_rows_a_page() {
    let (root, handle) = mount_long_history().await;
    // Three months of a year of 1,000 entries: about 250, shown 50 at a time.
    until_status(&root, "件中 1～50件を表示").await;
    let total = total_of(&root);
    assert!((230..=270).contains(&total), "{total}");
    assert_eq!(rows(&root), 50);
    let previous = button(&root, "前へ");
    let next = button(&root, "次へ");
    assert!(previous.disabled(), "no page before the first");
    let first_row = text_of(&root, "table.history tbody tr");

    next.focus().expect("focus");
    next.click();
    until_status(&root, "件中 51～100件を表示").await;
    // The rows follow the status line within a few ticks.
    until("the second page's rows", || {
        text_of(&root, "table.history tbody tr") != first_row
    })
    .await;
    assert_eq!(rows(&root), 50);
    assert!(!previous.disabled());
    // The pager stays put while the rows change, so focus stays on it.
    let focused = document().active_element().expect("focus");
    assert_eq!(focused, next.clone().unchecked_into::<web_sys::Element>());

    // The last page holds the rest and cannot go further.
    let last_start = (total - 1) / 50 * 50 + 1;
    for _ in 0..(total - 1) / 50 - 1 {
        next.click();
        tick().await;
    }
    until_status(&root, &format!("件中 {last_start}～{total}件を表示")).await;
    until("the last page's rows", || {
        rows(&root) == total - last_start + 1
    })
    .await;
    assert!(next.disabled(), "no page after the last");

    previous.click();
    until_status(
        &root,
        &format!("件中 {}～{}件を表示", last_start - 50, last_start - 1),
    )
    .await;
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_new_filter_starts_again_at_its_first_page() {
    let (root, handle) = mount_long_history().await;
    until_status(&root, "件中 1～50件を表示").await;
    button(&root, "次へ").click();
    until_status(&root, "件中 51～100件を表示").await;
    choose(&root, "#entry-type", "repayment");
    until_status(&root, "・返済：").await;
    assert!(text_of(&root, ".showing").contains("件中 1～50件を表示"));
    until("only repayments", || {
        kinds(&root).iter().all(|k| k == "返済")
    })
    .await;
    assert_eq!(kinds(&root).len(), 50);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_printed_statement_holds_every_entry_of_the_period() {
    let (root, handle) = mount_long_history().await;
    until_status(&root, "件中 1～50件を表示").await;
    let total = total_of(&root);
    // Count the print dialogs instead of opening one.
    let window = web_sys::window().expect("window");
    // The stub also notes how many statement rows were on the page when the
    // dialog would have opened: printing must wait for the table.
    let counter = js_sys::Function::new_no_args(
        "window.printed = (window.printed || 0) + 1; \
         window.printedRows = document.querySelectorAll('table.statement tbody tr').length;",
    );
    js_sys::Reflect::set(&window, &"print".into(), &counter).expect("stub print");
    let printed = || {
        js_sys::Reflect::get(&window, &"printed".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let before = printed();
    let print = root
        .query_selector_all(".actions button")
        .ok()
        .and_then(|all| all.item(1))
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        .expect("print button");
    assert_eq!(
        print.text_content().as_deref().map(str::trim),
        Some("Web明細を印刷")
    );
    print.click();
    until("the print dialog", || printed() > before).await;
    let statement_rows = root
        .query_selector_all("table.statement tbody tr")
        .map(|l| l.length())
        .unwrap_or(0);
    assert_eq!(
        statement_rows, total,
        "every entry of the quarter, not one page"
    );
    // The statement belongs to its filters: changing them drops it.
    choose(&root, "#period", "month");
    until("the statement dropped", || {
        root.query_selector("table.statement")
            .ok()
            .flatten()
            .is_none()
    })
    .await;
    drop(handle);
    root.remove();
}
