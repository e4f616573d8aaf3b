//! What the integration tests of annals-formats share: finding `../shared`.

#[path = "../../../../tests/support/shared.rs"]
mod support;
pub use support::shared;
