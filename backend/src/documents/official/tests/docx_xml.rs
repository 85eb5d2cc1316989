//! Reading a rendered `.docx` back, the way Word would: unzip it, parse its XML parts into a
//! small tree, and query paragraphs, runs and their properties.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// An element with its attributes, children and own text (`w:t` content for text runs).
#[derive(Debug, Default, Clone)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn has_child(&self, name: &str) -> bool {
        self.child(name).is_some()
    }

    /// Every element named `name` below this one, in document order.
    pub fn all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            child.collect(name, out);
        }
    }

    /// The text of the `w:t` elements below this one, concatenated.
    pub fn text_content(&self) -> String {
        self.all("w:t").iter().map(|t| t.text.as_str()).collect()
    }

    /// The value of `w:val` on the child `name` of this element's properties (`w:pPr`, `w:rPr`,
    /// `w:trPr`…), e.g. `prop("w:pPr", "w:jc")`.
    pub fn prop(&self, properties: &str, name: &str) -> Option<&str> {
        self.child(properties)?.child(name)?.attr("w:val")
    }
}

/// Parses an XML document into a tree under an unnamed root.
pub fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => stack.push(element(&e)),
            Ok(Event::Empty(e)) => {
                let node = element(&e);
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(node);
                }
            }
            Ok(Event::End(_)) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Ok(Event::Text(t)) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Ok(Event::CData(t)) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => {
                let resolved = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r)
                        .unwrap_or_else(|| panic!("unknown entity &{};", &*r))
                        .to_owned(),
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("malformed XML at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().unwrap()
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> Node {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.unwrap();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned();
            (a.key.as_ref().to_owned(), value)
        })
        .collect();
    Node {
        name: e.name().as_ref().to_owned(),
        attrs,
        ..Node::default()
    }
}

/// The parts of a `.docx`, as text.
pub struct Package {
    pub parts: HashMap<String, String>,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Self {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
        let mut parts = HashMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            let mut text = String::new();
            if file.read_to_string(&mut text).is_ok() {
                parts.insert(name, text);
            }
        }
        Self { parts }
    }

    pub fn raw(&self, name: &str) -> &str {
        self.parts
            .get(name)
            .unwrap_or_else(|| panic!("no part {name}; parts: {:?}", self.parts.keys()))
    }

    pub fn xml(&self, name: &str) -> Node {
        parse(self.raw(name))
    }

    pub fn document(&self) -> Node {
        self.xml("word/document.xml")
    }

    /// The header part a `w:headerReference` of `kind` ("first", "default") points to.
    pub fn header(&self, kind: &str) -> Node {
        let document = self.document();
        let reference = document
            .all("w:headerReference")
            .into_iter()
            .find(|r| r.attr("w:type") == Some(kind))
            .unwrap_or_else(|| panic!("no {kind} header"));
        let id = reference.attr("r:id").unwrap();
        let rels = self.xml("word/_rels/document.xml.rels");
        let target = rels
            .all("Relationship")
            .into_iter()
            .find(|r| r.attr("Id") == Some(id))
            .and_then(|r| r.attr("Target"))
            .unwrap_or_else(|| panic!("no relationship {id}"))
            .to_owned();
        self.xml(&format!("word/{target}"))
    }
}

/// The paragraphs of `root` whose text is exactly `text`.
pub fn paragraphs_with_text<'a>(root: &'a Node, text: &str) -> Vec<&'a Node> {
    root.all("w:p")
        .into_iter()
        .filter(|p| p.text_content() == text)
        .collect()
}

/// The one paragraph whose text is exactly `text`.
pub fn paragraph<'a>(root: &'a Node, text: &str) -> &'a Node {
    let found = paragraphs_with_text(root, text);
    assert_eq!(found.len(), 1, "paragraphs with text {text:?}");
    found[0]
}

/// The run holding `text` (a whole `w:t`).
pub fn run_with<'a>(root: &'a Node, text: &str) -> &'a Node {
    root.all("w:r")
        .into_iter()
        .find(|r| r.all("w:t").iter().any(|t| t.text == text))
        .unwrap_or_else(|| panic!("no run with {text:?}"))
}

/// Size in points, bold, italic of a run.
pub fn look(run: &Node) -> (f64, bool, bool) {
    let props = run.child("w:rPr").expect("run properties");
    let size = props
        .child("w:sz")
        .and_then(|s| s.attr("w:val"))
        .unwrap_or("0");
    let on = |name: &str| {
        props
            .child(name)
            .is_some_and(|b| !matches!(b.attr("w:val"), Some("false" | "0")))
    };
    (size.parse::<f64>().unwrap() / 2.0, on("w:b"), on("w:i"))
}

/// The paragraph's alignment (`w:jc`).
pub fn alignment(paragraph: &Node) -> Option<&str> {
    paragraph.prop("w:pPr", "w:jc")
}

/// The text of each cell of each row of `table`.
pub fn table_rows(table: &Node) -> Vec<Vec<String>> {
    table
        .children
        .iter()
        .filter(|c| c.name == "w:tr")
        .map(|row| {
            row.children
                .iter()
                .filter(|c| c.name == "w:tc")
                .map(Node::text_content)
                .collect()
        })
        .collect()
}
