//! The e-mail address, WEB-ID and password of SPEC S12.
