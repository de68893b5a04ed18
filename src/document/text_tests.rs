use super::*;

#[test]
fn dump_corpus() {
    for entry in std::fs::read_dir("/work/shared/corpus/txt").unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        println!("===== {}", path.display());
        for block in parse_blocks(&source) {
            match block {
                Block::Heading(h) => println!("H{} {:?} {:?}", h.level, h.style, h.text.as_str()),
                Block::Paragraph(p) => {
                    println!("P");
                    for l in &p.lines { println!("   | {}", l.as_str()); }
                }
                Block::Item(i) => println!("{}- {:?}", "  ".repeat(i.level), i.text.as_str()),
            }
        }
    }
}
