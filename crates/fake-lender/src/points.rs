//! The point service (SPEC S14). Being built: the operations answer a
//! server error until the lender's side lands.

use crate::serve::{Call, Serve};
use crate::Lender;
use portal_api::ops;
use portal_api::{BackendError, ExchangeReceipt, ExchangeRequest, PointsStatus};

impl Serve<ops::GetPoints> for Lender {
    fn serve(&mut self, _: &mut Call<'_>, (): ()) -> Result<PointsStatus, BackendError> {
        Err(BackendError::Server)
    }
}

impl Serve<ops::JoinPoints> for Lender {
    fn serve(&mut self, _: &mut Call<'_>, (): ()) -> Result<PointsStatus, BackendError> {
        Err(BackendError::Server)
    }
}

impl Serve<ops::ExchangePoints> for Lender {
    fn serve(
        &mut self,
        _: &mut Call<'_>,
        _: ExchangeRequest,
    ) -> Result<ExchangeReceipt, BackendError> {
        Err(BackendError::Server)
    }
}
