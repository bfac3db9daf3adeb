//! Events: the trait the `event` macro implements.

use crate::desc::Entity;
use crate::value::Value;

/// Implemented by each event's Rust type.
pub trait Event {
    /// The event's wire name (`SHUTDOWN`).
    const NAME: &'static str;
    /// The event's descriptor.
    fn entity() -> &'static Entity;
    /// The event's data, or `None` when it has none.
    fn data(&self) -> Option<Value>;
    /// The event from its data as a client received it (already checked
    /// against [`Event::entity`]'s data type).
    fn from_data(data: Option<Value>) -> Result<Self, crate::Error>
    where
        Self: Sized;
}
