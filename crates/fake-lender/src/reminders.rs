//! The repayment reminder e-mail (SPEC S13). Being built: the operations
//! answer a server error until the lender's side lands.

use crate::serve::{Call, Serve};
use crate::Lender;
use portal_api::ops;
use portal_api::{BackendError, ReminderSetting, ReminderStatus};

impl Serve<ops::GetReminder> for Lender {
    fn serve(&mut self, _: &mut Call<'_>, (): ()) -> Result<ReminderStatus, BackendError> {
        Err(BackendError::Server)
    }
}

impl Serve<ops::SetReminder> for Lender {
    fn serve(
        &mut self,
        _: &mut Call<'_>,
        _: ReminderSetting,
    ) -> Result<ReminderStatus, BackendError> {
        Err(BackendError::Server)
    }
}
