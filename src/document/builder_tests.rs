use crate::document::{Classification, Format, SectionKind, parse};
