//! The simulated bank (模擬銀行): where a real member would sign in to their
//! own bank and approve the payment. It is labelled as a demo page, shows
//! what is being paid, and sends the member back to the portal with the
//! bank's answer (approve, cancel, or a failure to try the error path).

use super::leave_for;
use super::texts::{tr, Texts};
use crate::backend::use_backend;
use crate::components::load_error::{failure_text, loaded, FailureNotice};
use crate::i18n::use_i18n;
use crate::read::Read;
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::ops::{DecideRepayment, GetRepayment};
use portal_api::{BankDecision, BankDecisionRequest, RepaymentQuery, RepaymentState};

#[component]
pub fn SimulatedBank(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let brand = StoredValue::new(use_context::<crate::config::Brand>().unwrap_or_default());
    let backend = StoredValue::new(use_backend());
    let id = StoredValue::new(id);
    let repayment = Read::new(move || {
        let backend = backend.get_value().get();
        let id = id.get_value();
        async move { backend.call::<GetRepayment>(RepaymentQuery { id }).await }
    });
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);

    let decide = move |decision: BankDecision| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);
        let backend = backend.get_value().get();
        let id = id.get_value();
        spawn_local(async move {
            let request = BankDecisionRequest {
                id: id.clone(),
                decision,
            };
            match backend.call::<DecideRepayment>(request).await {
                Ok(_) => leave_for(&format!("/repay?repayment={id}")),
                Err(e) => {
                    let _ = pending.try_set(false);
                    let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                }
            }
        });
    };

    loaded(repayment, move |r| match r.state {
        RepaymentState::AtBank => {
            let t: &Texts = i18n.t();
            let l = i18n.locale();
            view! {
                        <section class="simulated-bank" aria-labelledby="bank-title">
                            <h2 id="bank-title">{(t.bank_title)(&r.bank_name)}</h2>
                            <p class="notice notice-warning">{t.bank_notice}</p>
                            <dl class="figures">
                                <div class="figure"><dt>{t.bank_payee}</dt><dd>{brand.with_value(|b| b.name(l).to_owned())}</dd></div>
                                <div class="figure figure-main"><dt>{t.paid}</dt><dd>{l.yen(r.amount)}</dd></div>
                                <div class="figure"><dt>{t.reception_number}</dt><dd>{r.reception_number.clone()}</dd></div>
                            </dl>
                            <FailureNotice text=failure />
                            <div class="actions">
                                <button type="button" class="primary" prop:disabled=move || pending.get() on:click=move |_| decide(BankDecision::Approve)>{tr(|t| t.approve)}</button>
                                <button type="button" class="secondary" prop:disabled=move || pending.get() on:click=move |_| decide(BankDecision::Cancel)>{tr(|t| t.cancel)}</button>
                                <button type="button" class="secondary" prop:disabled=move || pending.get() on:click=move |_| decide(BankDecision::Fail)>{tr(|t| t.fail)}</button>
                            </div>
                        </section>
                    }
                    .into_any()
        }
        // Decided already (a reload, the back button): the result.
        _ => {
            leave_for(&format!("/repay?repayment={}", r.id));
            ().into_any()
        }
    })
}
