use super::{Block, Document, Format};

pub fn build(_format: Format, _source: &str, _blocks: Vec<Block>) -> Document {
    Document::default()
}
