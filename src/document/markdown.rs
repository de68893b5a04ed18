use super::Block;

pub fn parse_blocks(_source: &str) -> Vec<Block> {
    Vec::new()
}
